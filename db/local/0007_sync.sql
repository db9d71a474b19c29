-- Version 7: what the desktop needs to sync with the central API (DESIGN.md, "Sync protocol": rewind, apply, replay).

-- Who made each unsent mutation: a replay after a pull re-runs the mutator as that person, not as whoever is signed in
-- at the time. Entries made before this version have none (no one could sign in yet).
ALTER TABLE outbox ADD COLUMN actor_id TEXT;

-- How to take back each unsent mutation's writes before a pull is applied: ONE row per mutation (not per write, so an
-- import batch of 2,000 rows costs one extra INSERT), its writes in order as [{ "t": table, "id": id, "before": row }],
-- "before" being the whole row (domain field names) as it was, or null when the mutation inserted it.
CREATE TABLE undo_log (
  mutation_id INTEGER PRIMARY KEY,
  entries     TEXT    NOT NULL CHECK (json_valid(entries))
) STRICT;

-- The sync connection: the server and account (written by the sync engine), and the pull cookie (written by the pull).
CREATE TABLE sync_state (
  singleton         INTEGER PRIMARY KEY CHECK (singleton = 1),
  server_url        TEXT,
  account_person_id TEXT,
  account_email     TEXT,
  account_name      TEXT,
  account_roles     TEXT CHECK (account_roles IS NULL OR (json_valid(account_roles) AND json_type(account_roles) = 'array')),
  cookie            TEXT,
  last_synced_at    TEXT,
  last_error        TEXT
) STRICT;

INSERT INTO sync_state (singleton) VALUES (1);

-- Mutations the server refused for good, kept to show the person what was not applied and why. The outbox entry is
-- dropped once the server has processed it, so its arguments and time are copied here first.
CREATE TABLE sync_rejections (
  mutation_id  INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  args         TEXT CHECK (args IS NULL OR json_valid(args)),
  code         TEXT NOT NULL,
  message      TEXT NOT NULL,
  rejected_at  TEXT NOT NULL,
  made_at      TEXT,
  dismissed_at TEXT
) STRICT;

-- The last triggers on the synced tables go, as 0004's did: the store's own deletes (a pull's tombstones, a rewind,
-- a reset) keep the search index in step (src-main/sync/store/row-writer.ts). A statement that fires a trigger opens a
-- savepoint, which makes FTS5 flush its pending terms: once per deleted row. Without a trigger, DELETE FROM a whole
-- table (a reset) is also one truncation instead of a row-by-row delete. Nothing but sync deletes these rows.
DROP TRIGGER assets_search_delete;
DROP TRIGGER people_search_delete;
