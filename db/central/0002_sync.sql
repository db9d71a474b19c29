-- Version 2 of the central database: what the sync protocol needs (DESIGN.md, "Sync protocol").
-- One dialect for PostgreSQL and PGlite.

-- The one ever-increasing server version. Every transaction that changes a synced table locks this row first
-- (UPDATE or SELECT … FOR UPDATE) and stamps its rows with version + 1, then stores that number here: writers take
-- turns on the row, so versions are handed out in commit order and a snapshot that sees head = N sees every row
-- stamped ≤ N. Rows written before sync existed keep version 0 and reach clients in their first (reset) pull.
CREATE TABLE sync_head (
  singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version           bigint  NOT NULL CHECK (version >= 0),
  -- Moves whenever the line-management tree may have changed shape (set by the triggers below, so no writer can
  -- forget it): a pull keeps "everyone below this manager" cached for as long as it has not moved.
  hierarchy_version bigint  NOT NULL DEFAULT 0 CHECK (hierarchy_version >= 0)
);

INSERT INTO sync_head (singleton, version) VALUES (true, 0);

CREATE FUNCTION people_hierarchy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sync_head SET hierarchy_version = hierarchy_version + 1 WHERE singleton;
  RETURN NULL;
END;
$$;

-- Someone joined or left the directory: once per statement. Someone got another line manager: once per such row.
CREATE TRIGGER people_hierarchy_rows AFTER INSERT OR DELETE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION people_hierarchy_changed();
CREATE TRIGGER people_hierarchy_manager AFTER UPDATE ON people
  FOR EACH ROW WHEN (OLD.line_manager_id IS DISTINCT FROM NEW.line_manager_id) EXECUTE FUNCTION people_hierarchy_changed();

ALTER TABLE people ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE assets ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE asset_events ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE aup_acknowledgements ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- An incremental pull reads "changed since the client's version"; the id breaks ties for keyset paging.
CREATE INDEX people_version ON people (version, id);
CREATE INDEX assets_version ON assets (version, id);
CREATE INDEX asset_events_version ON asset_events (version, id);
CREATE INDEX aup_acknowledgements_version ON aup_acknowledgements (version, id);

-- Each desktop installation that has synced, bound for ever to the account that first used it: another account
-- presenting the same clientId is refused. last_mutation_id is the newest of its mutations processed (applied or
-- rejected), bumped in the same transaction as the mutations' writes and audit events: the exactly-once guarantee.
CREATE TABLE sync_clients (
  client_id        uuid        PRIMARY KEY,
  person_id        uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  last_mutation_id bigint      NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);

CREATE INDEX sync_clients_person ON sync_clients (person_id);

-- Mutations refused for good (validation, permission, illegal transition): kept so the client is told, in a pull,
-- with a message written for people. A pull reports those after the highest mutation id its cookie has seen.
CREATE TABLE sync_rejections (
  client_id   uuid        NOT NULL REFERENCES sync_clients (client_id) ON DELETE CASCADE,
  mutation_id bigint      NOT NULL CHECK (mutation_id > 0),
  name        text        NOT NULL,
  code        text        NOT NULL,
  message     text        NOT NULL,
  rejected_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);

-- A row left the sight of whoever could see it through its former subject: an asset handed back (holder X → none)
-- or passed on (X → Y). A pull sends a delete for an exit in its window when the user may see the former subject
-- but can no longer see the row. (Rows are never deleted today; a delete would be recorded here the same way.)
CREATE TABLE sync_exits (
  table_name text   NOT NULL CHECK (table_name IN ('people', 'assets', 'asset_events', 'aup_acknowledgements')),
  version    bigint NOT NULL CHECK (version > 0),
  row_id     uuid   NOT NULL,
  subject_id uuid   NOT NULL,
  PRIMARY KEY (table_name, version, row_id, subject_id)
);
