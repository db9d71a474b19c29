-- Custodian local store, version 1: the installation's identity, the outbox, and the first slice (people, assets).
-- Every table is STRICT so a wrongly typed value is an error, not a silent conversion.

-- One row per installation: the client id bound to this store and the last mutation id handed out.
-- The counter lives here (not in MAX(outbox.mutation_id)) because confirmed outbox rows are deleted after push.
CREATE TABLE installation (
  singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
  client_id        TEXT    NOT NULL,
  last_mutation_id INTEGER NOT NULL DEFAULT 0 CHECK (last_mutation_id >= 0),
  created_at       TEXT    NOT NULL
) STRICT;

-- Mutations waiting to be pushed to the central API, in the order they were made.
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY CHECK (mutation_id > 0),
  client_id   TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  args        TEXT    NOT NULL CHECK (json_valid(args)),
  created_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  staff_number    TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  line_manager_id TEXT REFERENCES people (id) ON DELETE RESTRICT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (line_manager_id IS NULL OR line_manager_id <> id)
) STRICT;

CREATE INDEX people_line_manager ON people (line_manager_id);
CREATE INDEX people_name ON people (name COLLATE NOCASE);

CREATE TABLE assets (
  id            TEXT PRIMARY KEY,
  asset_tag     TEXT NOT NULL COLLATE NOCASE UNIQUE,
  serial_number TEXT NOT NULL COLLATE NOCASE,
  type          TEXT NOT NULL CHECK (type IN ('laptop', 'desktop', 'tablet', 'smartphone', 'basic_mobile_phone',
                  'smartcard', 'network_token', 'encrypted_usb', 'headset', 'monitor', 'other')),
  model         TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX assets_serial ON assets (serial_number);
