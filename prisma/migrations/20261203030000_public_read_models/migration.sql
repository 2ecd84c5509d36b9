-- Public read models at archive scale (docs/CACHING.md "Data layer"): the featured flag travels
-- with the live snapshot, indexes for newest-first pages (and the next embargo end), and per-period
-- counts kept by publish/withdraw (filled by ensurePublicCounts() at start).

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "featured" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Publication" SET "featured" = (SELECT "featured" FROM "Release" WHERE "Release"."id" = "Publication"."releaseId");

-- CreateTable
CREATE TABLE "PublicationCount" (
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "latestAt" DATETIME NOT NULL,

    PRIMARY KEY ("timeZone", "locale", "scope", "period")
) WITHOUT ROWID;

-- DropIndex
DROP INDEX "Publication_locale_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Publication_locale_publishedAt_releaseId_idx" ON "Publication"("locale", "publishedAt", "releaseId");
CREATE INDEX "Publication_locale_categoryId_publishedAt_releaseId_idx" ON "Publication"("locale", "categoryId", "publishedAt", "releaseId");
CREATE INDEX "Publication_locale_featured_publishedAt_releaseId_idx" ON "Publication"("locale", "featured", "publishedAt", "releaseId");
