-- Views per release (docs/PRESS-KIT.md "Views"): one row per release, day and edition.

-- CreateTable
CREATE TABLE "ReleaseView" (
    "releaseId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ReleaseView_pkey" PRIMARY KEY ("releaseId","day","edition")
);

-- AddForeignKey
ALTER TABLE "ReleaseView" ADD CONSTRAINT "ReleaseView_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;
