-- Search index (issue 6). Hand-written: tsvector is outside Prisma's model. See docs/SEARCH.md.
-- One document per language of a working copy (kind 'work') and of a live snapshot (kind 'live').
CREATE TABLE "SearchDocument" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    -- milliseconds since 1970: publication time (live) or last edit (work)
    "sortAt" BIGINT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    -- built by the app (CJK bigrams, stemmed words, weights A/B/D), never by to_tsvector
    "tsv" TSVECTOR NOT NULL,
    CONSTRAINT "SearchDocument_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchDocument_releaseId_kind_locale_key" ON "SearchDocument"("releaseId", "kind", "locale");
CREATE INDEX "SearchDocument_tsv_idx" ON "SearchDocument" USING GIN ("tsv");
