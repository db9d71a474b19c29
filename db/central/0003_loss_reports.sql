-- Version 3 of the central database: loss, theft and damage reports (AUP 8.2) — the security incident each report
-- opens or joins, the reports, the phone suspension queue and each incident's timeline. Synced tables like the others:
-- a version column stamped by every push (0002), and every row is about one person (person_id, the holder when the
-- asset was reported), which never changes, so these rows never leave anyone's sight (no sync_exits).

CREATE TABLE security_incidents (
  id                    uuid        PRIMARY KEY,
  reference             text        NOT NULL CHECK (reference ~ '^SEC-[0-9]{4}-[0-9A-Z]{5}-[0-9]{4,}(-[0-9]+)?$'),
  asset_id              uuid        NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  asset_tag             text        NOT NULL,
  asset_type            text        NOT NULL,
  -- The asset's id while open, NULL once closed: unique, so an asset has at most one open incident, and a second
  -- report of it (another desktop's, made offline) finds that incident and joins it when the server runs it.
  open_asset_id         uuid        CHECK (open_asset_id IS NULL OR open_asset_id = asset_id),
  person_id             uuid        REFERENCES people (id) ON DELETE RESTRICT,
  line_manager_id       uuid        REFERENCES people (id) ON DELETE RESTRICT,
  kind                  text        NOT NULL CHECK (kind IN ('lost', 'stolen', 'damaged')),
  occurred_on           date        NOT NULL,
  status                text        NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at             timestamptz NOT NULL,
  opened_by             uuid,
  outcome               text        CHECK (outcome IS NULL OR outcome IN ('recovered', 'replaced', 'written_off')),
  recovered_on          date,
  recovered_to          text        CHECK (recovered_to IS NULL OR recovered_to IN ('in_stock', 'in_repair')),
  replacement_asset_id  uuid        REFERENCES assets (id) ON DELETE RESTRICT,
  write_off_value_pence bigint      CHECK (write_off_value_pence IS NULL OR write_off_value_pence >= 0),
  write_off_reason      text,
  cost_recovery         text        CHECK (cost_recovery IS NULL OR cost_recovery IN ('yes', 'no')),
  close_note            text,
  closed_at             timestamptz,
  closed_by             uuid,
  updated_at            timestamptz NOT NULL,
  version               bigint      NOT NULL DEFAULT 0,
  CHECK ((status = 'open') = (open_asset_id IS NOT NULL)),
  CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL))
);

CREATE UNIQUE INDEX security_incidents_reference_key ON security_incidents (reference);
CREATE UNIQUE INDEX security_incidents_open_asset_key ON security_incidents (open_asset_id);
CREATE INDEX security_incidents_person ON security_incidents (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX security_incidents_version ON security_incidents (version, id);

CREATE TABLE loss_reports (
  id                         uuid        PRIMARY KEY,
  incident_id                uuid        NOT NULL REFERENCES security_incidents (id) ON DELETE RESTRICT,
  asset_id                   uuid        NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  person_id                  uuid        REFERENCES people (id) ON DELETE RESTRICT,
  kind                       text        NOT NULL CHECK (kind IN ('lost', 'stolen', 'damaged')),
  occurred_on                date        NOT NULL,
  location                   text        NOT NULL,
  circumstances              text        NOT NULL,
  police_reference           text,
  police_not_reported_reason text,
  device_unlocked            text        NOT NULL CHECK (device_unlocked IN ('yes', 'no', 'not_sure')),
  reported_by                uuid,
  client_id                  text        NOT NULL,
  reported_at                timestamptz NOT NULL,
  version                    bigint      NOT NULL DEFAULT 0
);

CREATE INDEX loss_reports_incident ON loss_reports (incident_id);
CREATE INDEX loss_reports_person ON loss_reports (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX loss_reports_version ON loss_reports (version, id);

CREATE TABLE phone_suspensions (
  id                uuid        PRIMARY KEY,
  incident_id       uuid        NOT NULL REFERENCES security_incidents (id) ON DELETE RESTRICT,
  asset_id          uuid        NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  person_id         uuid        REFERENCES people (id) ON DELETE RESTRICT,
  status            text        NOT NULL CHECK (status IN ('requested', 'suspended', 'wipe_requested', 'wipe_confirmed', 'reinstated')),
  requested_at      timestamptz NOT NULL,
  requested_by      uuid,
  carrier_reference text,
  suspended_at      timestamptz,
  suspended_by      uuid,
  wipe_requested_at timestamptz,
  wipe_requested_by uuid,
  wipe_confirmed_at timestamptz,
  wipe_confirmed_by uuid,
  reinstated_at     timestamptz,
  reinstated_by     uuid,
  status_changed_at timestamptz NOT NULL,
  status_changed_by uuid,
  version           bigint      NOT NULL DEFAULT 0,
  CHECK ((suspended_at IS NULL) = (carrier_reference IS NULL))
);

CREATE UNIQUE INDEX phone_suspensions_incident_key ON phone_suspensions (incident_id);
CREATE INDEX phone_suspensions_status ON phone_suspensions (status, requested_at);
CREATE INDEX phone_suspensions_person ON phone_suspensions (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX phone_suspensions_version ON phone_suspensions (version, id);

CREATE TABLE incident_events (
  id          uuid        PRIMARY KEY,
  incident_id uuid        NOT NULL REFERENCES security_incidents (id) ON DELETE RESTRICT,
  person_id   uuid        REFERENCES people (id) ON DELETE RESTRICT,
  event       text        NOT NULL,
  note        text,
  actor_id    uuid,
  client_id   text        NOT NULL,
  at          timestamptz NOT NULL,
  version     bigint      NOT NULL DEFAULT 0
);

CREATE INDEX incident_events_incident ON incident_events (incident_id, id);
CREATE INDEX incident_events_person ON incident_events (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX incident_events_version ON incident_events (version, id);

-- The exits table names the synced tables it may hold rows of; the new ones are listed for completeness (their rows'
-- subject never changes today, so none is recorded).
ALTER TABLE sync_exits DROP CONSTRAINT sync_exits_table_name_check;
ALTER TABLE sync_exits ADD CONSTRAINT sync_exits_table_name_check CHECK (table_name IN ('people', 'assets', 'asset_events', 'aup_acknowledgements',
  'security_incidents', 'loss_reports', 'phone_suspensions', 'incident_events'));
