-- Press contacts (docs/PRESS-KIT.md): the address book, the contacts a release names, and their
-- snapshot on each live publication (a plain added column: the table is not rebuilt).

-- CreateTable
CREATE TABLE "PressContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL DEFAULT '',
    "titleEn" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReleaseContact" (
    "releaseId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("releaseId", "contactId"),
    CONSTRAINT "ReleaseContact_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "PressContact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "contacts" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "PressContact_nameZh_idx" ON "PressContact"("nameZh");

-- CreateIndex
CREATE INDEX "ReleaseContact_contactId_idx" ON "ReleaseContact"("contactId");
