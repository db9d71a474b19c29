-- Version 9: loss, theft and damage reports (AUP 8.2): the security incident each report opens or joins, the reports
-- themselves, the phone suspension queue, and each incident's timeline. Schema only: no existing row changes.
--
-- People referenced as actors (opened_by, reported_by, …) and the line manager have no foreign key, as asset_events'
-- actor_id has none: a member of staff's desktop holds their own person row but not their line manager's.

CREATE TABLE security_incidents (
  id                    TEXT    PRIMARY KEY,
  reference             TEXT    NOT NULL UNIQUE,
  asset_id              TEXT    NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  asset_tag             TEXT    NOT NULL,
  asset_type            TEXT    NOT NULL,
  -- The asset's id while open, NULL once closed: UNIQUE, so an asset has at most one open incident, and a second
  -- report of it (another desktop, offline) finds that incident by this column and joins it.
  open_asset_id         TEXT    UNIQUE CHECK (open_asset_id IS NULL OR open_asset_id = asset_id),
  person_id             TEXT    REFERENCES people (id) ON DELETE RESTRICT,
  line_manager_id       TEXT,
  kind                  TEXT    NOT NULL CHECK (kind IN ('lost', 'stolen', 'damaged')),
  occurred_on           TEXT    NOT NULL CHECK (date(occurred_on) = occurred_on),
  status                TEXT    NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at             TEXT    NOT NULL,
  opened_by             TEXT,
  outcome               TEXT    CHECK (outcome IS NULL OR outcome IN ('recovered', 'replaced', 'written_off')),
  recovered_on          TEXT    CHECK (recovered_on IS NULL OR date(recovered_on) = recovered_on),
  recovered_to          TEXT    CHECK (recovered_to IS NULL OR recovered_to IN ('in_stock', 'in_repair')),
  replacement_asset_id  TEXT    REFERENCES assets (id) ON DELETE RESTRICT,
  write_off_value_pence INTEGER CHECK (write_off_value_pence IS NULL OR write_off_value_pence >= 0),
  write_off_reason      TEXT,
  cost_recovery         TEXT    CHECK (cost_recovery IS NULL OR cost_recovery IN ('yes', 'no')),
  close_note            TEXT,
  closed_at             TEXT,
  closed_by             TEXT,
  updated_at            TEXT    NOT NULL,
  CHECK ((status = 'open') = (open_asset_id IS NOT NULL)),
  CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL))
) STRICT;

CREATE INDEX security_incidents_open ON security_incidents (status, opened_at);
CREATE INDEX security_incidents_asset ON security_incidents (asset_id, opened_at);
CREATE INDEX security_incidents_line_manager ON security_incidents (line_manager_id, status) WHERE line_manager_id IS NOT NULL;

CREATE TABLE loss_reports (
  id                         TEXT PRIMARY KEY,
  incident_id                TEXT NOT NULL REFERENCES security_incidents (id) ON DELETE CASCADE,
  asset_id                   TEXT NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  person_id                  TEXT REFERENCES people (id) ON DELETE RESTRICT,
  kind                       TEXT NOT NULL CHECK (kind IN ('lost', 'stolen', 'damaged')),
  occurred_on                TEXT NOT NULL CHECK (date(occurred_on) = occurred_on),
  location                   TEXT NOT NULL,
  circumstances              TEXT NOT NULL,
  police_reference           TEXT,
  police_not_reported_reason TEXT,
  device_unlocked            TEXT NOT NULL CHECK (device_unlocked IN ('yes', 'no', 'not_sure')),
  reported_by                TEXT,
  client_id                  TEXT NOT NULL,
  reported_at                TEXT NOT NULL
) STRICT;

CREATE INDEX loss_reports_incident ON loss_reports (incident_id, reported_at);

-- AUP 8.2: one suspension request per phone incident, worked by the IT service desk.
CREATE TABLE phone_suspensions (
  id                TEXT PRIMARY KEY,
  incident_id       TEXT NOT NULL UNIQUE REFERENCES security_incidents (id) ON DELETE CASCADE,
  asset_id          TEXT NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  person_id         TEXT REFERENCES people (id) ON DELETE RESTRICT,
  status            TEXT NOT NULL CHECK (status IN ('requested', 'suspended', 'wipe_requested', 'wipe_confirmed', 'reinstated')),
  requested_at      TEXT NOT NULL,
  requested_by      TEXT,
  carrier_reference TEXT,
  suspended_at      TEXT,
  suspended_by      TEXT,
  wipe_requested_at TEXT,
  wipe_requested_by TEXT,
  wipe_confirmed_at TEXT,
  wipe_confirmed_by TEXT,
  reinstated_at     TEXT,
  reinstated_by     TEXT,
  status_changed_at TEXT NOT NULL,
  status_changed_by TEXT,
  CHECK ((suspended_at IS NULL) = (carrier_reference IS NULL))
) STRICT;

CREATE INDEX phone_suspensions_status ON phone_suspensions (status, requested_at);

CREATE TABLE incident_events (
  id          TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES security_incidents (id) ON DELETE CASCADE,
  person_id   TEXT,
  event       TEXT NOT NULL,
  note        TEXT,
  actor_id    TEXT,
  client_id   TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;

CREATE INDEX incident_events_incident ON incident_events (incident_id, at);
