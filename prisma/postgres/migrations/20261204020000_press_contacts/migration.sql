-- Press contacts (docs/PRESS-KIT.md): the address book, the contacts a release names, and their
-- snapshot on each live publication.

-- CreateTable
CREATE TABLE "PressContact" (
    "id" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PressContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseContact" (
    "releaseId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ReleaseContact_pkey" PRIMARY KEY ("releaseId","contactId")
);

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "contacts" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "PressContact_nameZh_idx" ON "PressContact"("nameZh");

-- CreateIndex
CREATE INDEX "ReleaseContact_contactId_idx" ON "ReleaseContact"("contactId");

-- AddForeignKey
ALTER TABLE "ReleaseContact" ADD CONSTRAINT "ReleaseContact_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseContact" ADD CONSTRAINT "ReleaseContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "PressContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
