-- Public read models at archive scale (docs/CACHING.md "Data layer"): the featured flag travels
-- with the live snapshot, indexes for newest-first pages (and the next embargo end), and per-period
-- counts kept by publish/withdraw (filled by ensurePublicCounts() at start).

-- DropIndex
DROP INDEX "Publication_locale_publishedAt_idx";

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "featured" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Publication" SET "featured" = "Release"."featured" FROM "Release" WHERE "Release"."id" = "Publication"."releaseId";

-- CreateTable
CREATE TABLE "PublicationCount" (
    "timeZone" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "scope" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "latestAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicationCount_pkey" PRIMARY KEY ("timeZone","locale","scope","period")
);

-- CreateIndex
CREATE INDEX "Publication_locale_publishedAt_releaseId_idx" ON "Publication"("locale", "publishedAt", "releaseId");

-- CreateIndex
CREATE INDEX "Publication_locale_categoryId_publishedAt_releaseId_idx" ON "Publication"("locale", "categoryId", "publishedAt", "releaseId");

-- CreateIndex
CREATE INDEX "Publication_locale_featured_publishedAt_releaseId_idx" ON "Publication"("locale", "featured", "publishedAt", "releaseId");
