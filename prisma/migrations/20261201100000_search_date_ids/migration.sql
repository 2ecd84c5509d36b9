-- Search document ids now grow with the date (id = sortAt * 2^21 + slot), so that "newest first"
-- is a descending rowid scan (docs/SEARCH.md, Ranking). Ids made before this are meaningless
-- under that rule: the index is emptied here and rebuilt by `npm start` (ensureSearchIndex) or
-- `npm run search:reindex`. Until then, search finds nothing.
DROP TRIGGER "SearchDocument_delete";
DELETE FROM "SearchDocument";
INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all');
CREATE TRIGGER "SearchDocument_delete" AFTER DELETE ON "SearchDocument" BEGIN
    DELETE FROM "SearchFts" WHERE "rowid" = old."id";
END;
