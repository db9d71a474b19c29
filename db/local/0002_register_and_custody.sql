-- Version 2: the full asset register and people directory, the custody lifecycle, its history, AUP
-- acknowledgements, and full-text search.

-- People: roles (JSON array, always including staff), employment status, annual security training date (AUP 1.8).
ALTER TABLE people ADD COLUMN roles TEXT NOT NULL DEFAULT '["staff"]' CHECK (json_valid(roles) AND json_type(roles) = 'array');
ALTER TABLE people ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaving', 'left'));
ALTER TABLE people ADD COLUMN training_completed_on TEXT CHECK (training_completed_on IS NULL OR date(training_completed_on) = training_completed_on);

-- Assets are rebuilt rather than altered: the custody invariant (issued exactly when there is a holder) is a
-- table constraint, which ALTER TABLE cannot add. Existing assets were all in stock: version 1 had no lifecycle.
CREATE TABLE assets_v2 (
  id                   TEXT    PRIMARY KEY,
  asset_tag            TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  serial_number        TEXT    NOT NULL COLLATE NOCASE,
  type                 TEXT    NOT NULL CHECK (type IN ('laptop', 'desktop', 'tablet', 'smartphone', 'basic_mobile_phone',
                         'smartcard', 'network_token', 'encrypted_usb', 'headset', 'monitor', 'other')),
  model                TEXT    NOT NULL,
  imei                 TEXT    CHECK (imei IS NULL OR (length(imei) = 15 AND imei NOT GLOB '*[^0-9]*')),
  phone_number         TEXT,
  purchase_date        TEXT    CHECK (purchase_date IS NULL OR date(purchase_date) = purchase_date),
  purchase_value_pence INTEGER CHECK (purchase_value_pence IS NULL OR purchase_value_pence >= 0),
  location             TEXT,
  notes                TEXT,
  status               TEXT    NOT NULL DEFAULT 'in_stock' CHECK (status IN ('in_stock', 'issued', 'returned', 'lost', 'stolen',
                         'damaged', 'in_repair', 'retired', 'disposed')),
  holder_id            TEXT    REFERENCES people (id) ON DELETE RESTRICT,
  status_changed_at    TEXT    NOT NULL,
  status_changed_by    TEXT,
  created_at           TEXT    NOT NULL,
  updated_at           TEXT    NOT NULL,
  CHECK ((status = 'issued') = (holder_id IS NOT NULL))
) STRICT;

INSERT INTO assets_v2 (id, asset_tag, serial_number, type, model, status, status_changed_at, created_at, updated_at)
  SELECT id, asset_tag, serial_number, type, model, 'in_stock', created_at, created_at, updated_at FROM assets;
DROP TABLE assets;
ALTER TABLE assets_v2 RENAME TO assets;

CREATE INDEX assets_serial ON assets (serial_number);
CREATE INDEX assets_holder ON assets (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX assets_status_tag ON assets (status, asset_tag);
CREATE INDEX assets_type_tag ON assets (type, asset_tag);
CREATE INDEX assets_location_tag ON assets (location, asset_tag);

-- The history timeline of each asset: one row per creation or lifecycle command, never updated.
CREATE TABLE asset_events (
  id          TEXT PRIMARY KEY,
  asset_id    TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  event       TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  person_id   TEXT REFERENCES people (id) ON DELETE RESTRICT,
  note        TEXT,
  actor_id    TEXT,
  client_id   TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;

CREATE INDEX asset_events_asset ON asset_events (asset_id, at);
CREATE INDEX asset_events_person ON asset_events (person_id) WHERE person_id IS NOT NULL;

INSERT INTO asset_events (id, asset_id, event, from_status, to_status, client_id, at)
  SELECT 'migrated-' || a.id, a.id, 'create', NULL, 'in_stock', i.client_id, a.created_at
    FROM assets a CROSS JOIN installation i;

-- AUP 1.1: each confirmation of a policy version, with the issue it was given for.
CREATE TABLE aup_acknowledgements (
  id              TEXT PRIMARY KEY,
  person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  policy_version  TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  asset_id        TEXT REFERENCES assets (id) ON DELETE SET NULL,
  recorded_by     TEXT
) STRICT;

CREATE INDEX aup_acknowledgements_person ON aup_acknowledgements (person_id, acknowledged_at);

-- Search as you type across tag, serial, IMEI, phone number, model and holder name. Tags and serials keep their
-- punctuation as part of the token, so "LT-00" is a prefix of "LT-0042". The FTS rowid is the asset's rowid,
-- kept in step by the triggers below (nothing here runs VACUUM, which could renumber rowids).
CREATE VIRTUAL TABLE asset_search USING fts5 (
  asset_tag, serial_number, imei, phone_number, model, holder_name,
  tokenize = "unicode61 tokenchars '-./+'",
  prefix = '1 2 3'
);

INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
  SELECT a.rowid, a.asset_tag, a.serial_number, a.imei, a.phone_number, a.model, p.name
    FROM assets a LEFT JOIN people p ON p.id = a.holder_id;

CREATE TRIGGER assets_search_insert AFTER INSERT ON assets BEGIN
  INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
    VALUES (new.rowid, new.asset_tag, new.serial_number, new.imei, new.phone_number, new.model,
            (SELECT name FROM people WHERE id = new.holder_id));
END;

CREATE TRIGGER assets_search_update AFTER UPDATE OF asset_tag, serial_number, imei, phone_number, model, holder_id ON assets BEGIN
  DELETE FROM asset_search WHERE rowid = old.rowid;
  INSERT INTO asset_search (rowid, asset_tag, serial_number, imei, phone_number, model, holder_name)
    VALUES (new.rowid, new.asset_tag, new.serial_number, new.imei, new.phone_number, new.model,
            (SELECT name FROM people WHERE id = new.holder_id));
END;

CREATE TRIGGER assets_search_delete AFTER DELETE ON assets BEGIN
  DELETE FROM asset_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER people_name_search_update AFTER UPDATE OF name ON people BEGIN
  UPDATE asset_search SET holder_name = new.name WHERE rowid IN (SELECT rowid FROM assets WHERE holder_id = new.id);
END;

-- People search (choosing whom to issue to, the directory): name, staff number, email.
CREATE VIRTUAL TABLE people_search USING fts5 (
  name, staff_number, email,
  tokenize = "unicode61 tokenchars '-.@+'",
  prefix = '1 2 3'
);

INSERT INTO people_search (rowid, name, staff_number, email) SELECT rowid, name, staff_number, email FROM people;

CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_search (rowid, name, staff_number, email) VALUES (new.rowid, new.name, new.staff_number, new.email);
END;

CREATE TRIGGER people_search_update AFTER UPDATE OF name, staff_number, email ON people BEGIN
  DELETE FROM people_search WHERE rowid = old.rowid;
  INSERT INTO people_search (rowid, name, staff_number, email) VALUES (new.rowid, new.name, new.staff_number, new.email);
END;

CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
  DELETE FROM people_search WHERE rowid = old.rowid;
END;

CREATE INDEX people_status ON people (status);
