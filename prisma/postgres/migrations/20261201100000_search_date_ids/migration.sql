-- Search document ids now grow with the date (id = sortAt * 2^21 + slot); the app assigns them
-- (docs/SEARCH.md, Ranking). Ids made before this are meaningless under that rule: the index is
-- emptied here and rebuilt by `npm start` (ensureSearchIndex) or `npm run search:reindex`.
TRUNCATE "SearchDocument";
