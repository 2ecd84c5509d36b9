-- Press kit files (docs/PRESS-KIT.md): documents and photos per release, and the live snapshot of
-- them on each publication (a plain added column: the table is not rebuilt).

-- CreateTable
CREATE TABLE "ReleaseFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "releaseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER NOT NULL DEFAULT 0,
    "height" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "creditZh" TEXT NOT NULL DEFAULT '',
    "creditEn" TEXT NOT NULL DEFAULT '',
    "uploaderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "ReleaseFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "presskit" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseFile_storageKey_key" ON "ReleaseFile"("storageKey");

-- CreateIndex
CREATE INDEX "ReleaseFile_releaseId_kind_position_idx" ON "ReleaseFile"("releaseId", "kind", "position");
