-- Version 4: the full-text tables are kept in step by the desktop store's writes (src-main/store/search-index.ts)
-- instead of triggers. A statement that fires a trigger opens a statement savepoint, and FTS5 flushes its pending
-- terms to a new segment at every savepoint: one flush (and merge) per asset created. Deletes are rare and keep
-- their triggers. Schema only: the indexed text is unchanged.
DROP TRIGGER assets_search_insert;
DROP TRIGGER assets_search_update;
DROP TRIGGER people_name_search_update;
DROP TRIGGER people_search_insert;
DROP TRIGGER people_search_update;
