-- Version 1 of the central database: the people directory with accounts and roles, sessions, sign-in throttling,
-- the asset register with its history, AUP acknowledgements, and the hash-chained audit log.
-- One dialect for PostgreSQL and PGlite. Times are timestamptz; calendar dates are date.
-- Tables and columns mirror src-shared/domain/tables.ts (TABLE_COLUMNS), so the shared mutators can later run here.

-- The people directory, shared with the desktops (same ids). Everyone holds at least the staff role.
CREATE TABLE people (
  id                    uuid        PRIMARY KEY,
  staff_number          text        NOT NULL CHECK (staff_number = upper(btrim(staff_number)) AND staff_number <> ''),
  name                  text        NOT NULL CHECK (btrim(name) <> ''),
  email                 text        NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
  line_manager_id       uuid        REFERENCES people (id) ON DELETE RESTRICT,
  roles                 text[]      NOT NULL DEFAULT ARRAY['staff']::text[]
                                    CHECK ('staff' = ANY (roles)
                                       AND roles <@ ARRAY['staff', 'line_manager', 'it_service_desk', 'security', 'admin']::text[]),
  status                text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaving', 'left')),
  training_completed_on date,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  CHECK (line_manager_id IS NULL OR line_manager_id <> id)
);

CREATE UNIQUE INDEX people_staff_number_key ON people (staff_number);
CREATE UNIQUE INDEX people_email_key ON people (email);
-- "Everyone below me" is a recursive walk down this column.
CREATE INDEX people_line_manager ON people (line_manager_id) WHERE line_manager_id IS NOT NULL;
CREATE INDEX people_status ON people (status);

-- One account per person. The password hash is argon2id (PHC string); it never leaves this table.
CREATE TABLE accounts (
  person_id            uuid        PRIMARY KEY REFERENCES people (id) ON DELETE RESTRICT,
  password_hash        text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  must_change_password boolean     NOT NULL,
  disabled_at          timestamptz,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  password_changed_at  timestamptz NOT NULL
);

-- Sessions hold only the SHA-256 of their bearer token: a copy of this table signs nobody in.
CREATE TABLE sessions (
  id             uuid        PRIMARY KEY,
  token_hash     text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  person_id      uuid        NOT NULL REFERENCES accounts (person_id) ON DELETE RESTRICT,
  client_id      text,
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_reason text        CHECK (revoked_reason IN ('sign_out', 'account_disabled', 'password_changed')),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);

CREATE INDEX sessions_live_by_person ON sessions (person_id) WHERE revoked_at IS NULL;

-- Failed sign-ins per key (an account's email, a client address), shared by every API instance. Keys are stored
-- as SHA-256 digests, so this table holds no email addresses or IP addresses.
CREATE TABLE sign_in_throttle (
  key_hash          text        PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  window_started_at timestamptz NOT NULL,
  failures          integer     NOT NULL CHECK (failures > 0)
);

CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_started_at);

-- The asset register. Issued exactly when there is a holder (the custody invariant, as on the desktop).
CREATE TABLE assets (
  id                   uuid        PRIMARY KEY,
  asset_tag            text        NOT NULL CHECK (asset_tag = upper(btrim(asset_tag)) AND asset_tag <> ''),
  serial_number        text        NOT NULL,
  type                 text        NOT NULL CHECK (type IN ('laptop', 'desktop', 'tablet', 'smartphone', 'basic_mobile_phone',
                                     'smartcard', 'network_token', 'encrypted_usb', 'headset', 'monitor', 'other')),
  model                text        NOT NULL,
  imei                 text        CHECK (imei IS NULL OR imei ~ '^[0-9]{15}$'),
  phone_number         text,
  purchase_date        date,
  purchase_value_pence bigint      CHECK (purchase_value_pence IS NULL OR purchase_value_pence >= 0),
  location             text,
  notes                text,
  status               text        NOT NULL DEFAULT 'in_stock' CHECK (status IN ('in_stock', 'issued', 'returned', 'lost', 'stolen',
                                     'damaged', 'in_repair', 'retired', 'disposed')),
  holder_id            uuid        REFERENCES people (id) ON DELETE RESTRICT,
  status_changed_at    timestamptz NOT NULL,
  status_changed_by    uuid,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK ((status = 'issued') = (holder_id IS NOT NULL))
);

CREATE UNIQUE INDEX assets_tag_key ON assets (asset_tag);
CREATE INDEX assets_serial ON assets (serial_number);
CREATE INDEX assets_holder ON assets (holder_id) WHERE holder_id IS NOT NULL;
CREATE INDEX assets_status ON assets (status);

-- Each asset's history: one row per creation or lifecycle command, never updated. person_id is whose custody the
-- event concerns; visibility of an event follows that person, not the asset's current holder.
CREATE TABLE asset_events (
  id          uuid        PRIMARY KEY,
  asset_id    uuid        NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  event       text        NOT NULL,
  from_status text,
  to_status   text        NOT NULL,
  person_id   uuid        REFERENCES people (id) ON DELETE RESTRICT,
  note        text,
  actor_id    uuid,
  client_id   text        NOT NULL,
  at          timestamptz NOT NULL
);

CREATE INDEX asset_events_asset ON asset_events (asset_id, id);
CREATE INDEX asset_events_person ON asset_events (person_id) WHERE person_id IS NOT NULL;

-- AUP 1.1: each confirmation of a policy version.
CREATE TABLE aup_acknowledgements (
  id              uuid        PRIMARY KEY,
  person_id       uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  policy_version  text        NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  asset_id        uuid        REFERENCES assets (id) ON DELETE SET NULL,
  recorded_by     uuid
);

CREATE INDEX aup_acknowledgements_person ON aup_acknowledgements (person_id, acknowledged_at);

-- The audit log: append-only and hash-chained. Each event's hash covers its contents and the previous event's hash,
-- so changing, removing or reordering any stored event breaks the chain at that event (see `npm run audit:verify`).
-- No foreign keys: the log must outlive whatever it describes.
CREATE TABLE audit_events (
  seq         bigint      PRIMARY KEY CHECK (seq > 0),
  id          uuid        NOT NULL UNIQUE,
  occurred_at timestamptz NOT NULL,
  actor_id    uuid,
  client_id   text,
  action      text        NOT NULL,
  entity_type text        NOT NULL,
  entity_id   text        NOT NULL,
  before      jsonb,
  after       jsonb,
  prev_hash   text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

-- The chain's tip. Appending locks this one row, so concurrent writers on any number of instances append in turn;
-- it also records where the chain ends, so removing the newest events is detected too.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq       bigint  NOT NULL CHECK (seq >= 0),
  hash      text    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

INSERT INTO audit_head (singleton, seq, hash) VALUES (true, 0, repeat('0', 64));

-- Append-only, enforced by the database as well as by the code: no UPDATE, DELETE or TRUNCATE of audit events.
CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
