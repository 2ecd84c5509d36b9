-- Search index as posting blocks built by the app (issue 12; docs/SEARCH.md). Replaces FTS5.
-- Document ids change meaning (minutes, not milliseconds): the index is emptied and rebuilt by
-- `npm start` (ensureSearchIndex) or `npm run search:reindex`. Until then, search finds nothing.
DROP TRIGGER "SearchDocument_delete";
DROP TABLE "SearchFts";
DROP TABLE "SearchDocument";

-- One document per language of a working copy (role 'work'), of a live snapshot (role 'live'), or
-- of both when they hold the same text (role 'shared').
-- The id orders the index (newest first = ascending); the app assigns it. No ON DELETE CASCADE:
-- the index keeps postings of a document until the app removes them, so a release must not
-- disappear behind its back (no part of the app deletes releases).
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    -- milliseconds since 1970: publication time (live) or last edit (work)
    "sortAt" INTEGER NOT NULL,
    "sourceHash" TEXT NOT NULL,
    CONSTRAINT "SearchDocument_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchDocument_releaseId_role_locale_key" ON "SearchDocument"("releaseId", "role", "locale");

-- Postings of one list ("term": field and token) in blocks, found by their last id. A rowid table
-- with a key index: smaller and faster to fill than WITHOUT ROWID for rows of this size.
CREATE TABLE "SearchBlock" (
    "term" TEXT NOT NULL,
    "last" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "docs" BLOB NOT NULL,
    "pos" BLOB NOT NULL
);
CREATE UNIQUE INDEX "SearchBlock_term_last_key" ON "SearchBlock"("term", "last");

-- Changes not yet folded into the blocks: documents added (their lists) or removed (their keys).
CREATE TABLE "SearchPending" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "lists" TEXT
);
CREATE INDEX "SearchPending_scope_idx" ON "SearchPending"("scope");
CREATE INDEX "SearchPending_id_idx" ON "SearchPending"("id");
