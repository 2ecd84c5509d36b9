-- Search index (issue 6). Hand-written: FTS5 is outside Prisma's model. See docs/SEARCH.md.
-- One document per language of a working copy (kind 'work') and of a live snapshot (kind 'live').
CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    -- milliseconds since 1970: publication time (live) or last edit (work)
    "sortAt" INTEGER NOT NULL,
    "sourceHash" TEXT NOT NULL,
    CONSTRAINT "SearchDocument_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "SearchDocument_releaseId_kind_locale_key" ON "SearchDocument"("releaseId", "kind", "locale");

-- Tokens come from the app (CJK bigrams, stemmed words) separated by spaces. Contentless: the
-- text lives in ReleaseContent/Publication; contentless_delete lets rows be deleted by rowid.
CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "scope", "title", "summary", "body",
    tokenize = 'unicode61 remove_diacritics 0',
    content = '',
    contentless_delete = 1
);

-- AUTOINCREMENT never reuses an id, and this keeps FTS rows from outliving their document.
CREATE TRIGGER "SearchDocument_delete" AFTER DELETE ON "SearchDocument" BEGIN
    DELETE FROM "SearchFts" WHERE "rowid" = old."id";
END;
