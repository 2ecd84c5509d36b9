-- Search index as posting blocks built by the app (issue 12; docs/SEARCH.md). Replaces the
-- tsvector column and its GIN index. Document ids change meaning (minutes, not milliseconds): the
-- index is emptied and rebuilt by `npm start` (ensureSearchIndex) or `npm run search:reindex`.
DROP TABLE "SearchDocument";

-- One document per language of a working copy (role 'work'), of a live snapshot (role 'live'), or
-- of both when they hold the same text (role 'shared').
-- The id orders the index (newest first = ascending); the app assigns it. No ON DELETE CASCADE:
-- the index keeps postings of a document until the app removes them, so a release must not
-- disappear behind its back (no part of the app deletes releases).
CREATE TABLE "SearchDocument" (
    "id" BIGINT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    -- milliseconds since 1970: publication time (live) or last edit (work)
    "sortAt" BIGINT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    CONSTRAINT "SearchDocument_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchDocument_releaseId_role_locale_key" ON "SearchDocument"("releaseId", "role", "locale");

-- Postings of one list ("term": field and token) in blocks, found by their last id.
-- Byte order for the key ("C"): only equality is asked of it. Blocks are incompressible varints:
-- EXTERNAL skips TOAST's compression attempt.
CREATE TABLE "SearchBlock" (
    "term" TEXT COLLATE "C" NOT NULL,
    "last" BIGINT NOT NULL,
    "n" INTEGER NOT NULL,
    "docs" BYTEA NOT NULL,
    "pos" BYTEA NOT NULL,
    PRIMARY KEY ("term", "last")
);
ALTER TABLE "SearchBlock" ALTER COLUMN "docs" SET STORAGE EXTERNAL, ALTER COLUMN "pos" SET STORAGE EXTERNAL;

-- Changes not yet folded into the blocks: documents added (their lists) or removed (their keys).
CREATE TABLE "SearchPending" (
    "seq" BIGSERIAL NOT NULL PRIMARY KEY,
    "id" BIGINT NOT NULL,
    "scope" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "lists" TEXT
);
CREATE INDEX "SearchPending_scope_idx" ON "SearchPending"("scope");
CREATE INDEX "SearchPending_id_idx" ON "SearchPending"("id");
