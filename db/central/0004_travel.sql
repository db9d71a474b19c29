-- Version 4 of the central database: overseas travel approvals (AUP 7.13, 7.14) — the country policy's versions and the
-- rules each set, trips with their legs and devices, each trip's timeline, and travel notices (db/local/0010_travel.sql
-- explains the shape). Synced tables like the others: a version column stamped by every push (0002). Trip rows are
-- about their traveller (traveller_id, which never changes); country policy rows are visible to everyone.

CREATE TABLE country_policy_versions (
  id             uuid        PRIMARY KEY,
  policy_version bigint      NOT NULL CHECK (policy_version >= 2),
  effective_at   timestamptz NOT NULL,
  set_by         uuid,
  set_by_name    text,
  reason         text        NOT NULL CHECK (length(reason) > 0),
  version        bigint      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX country_policy_versions_number_key ON country_policy_versions (policy_version);
CREATE INDEX country_policy_versions_version ON country_policy_versions (version, id);

CREATE TABLE country_policy_rules (
  id             uuid   PRIMARY KEY,
  policy_version bigint NOT NULL CHECK (policy_version >= 2),
  country        text   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  tier           text   NOT NULL CHECK (tier IN ('permitted', 'security_review', 'prohibited')),
  notify         text   NOT NULL CHECK (notify IN ('yes', 'no')),
  set_by         uuid,
  version        bigint NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX country_policy_rules_country_key ON country_policy_rules (country, policy_version);
CREATE INDEX country_policy_rules_version ON country_policy_rules (version, id);

CREATE TABLE trips (
  id                        uuid        PRIMARY KEY,
  traveller_id              uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  traveller_name            text        NOT NULL,
  line_manager_id           uuid,
  type                      text        NOT NULL CHECK (type IN ('official', 'personal')),
  justification             text,
  round                     bigint      NOT NULL CHECK (round >= 1),
  starts_on                 date        NOT NULL,
  ends_on                   date        NOT NULL,
  policy_version            bigint      NOT NULL CHECK (policy_version >= 1),
  needs_security            text        NOT NULL CHECK (needs_security IN ('yes', 'no')),
  status                    text        NOT NULL CHECK (status IN ('noted', 'submitted', 'manager_approved', 'approved', 're_review_required',
                                                                   'travelling', 'completed', 'rejected', 'withdrawn', 'cancelled')),
  status_set_by             uuid,
  status_set_by_name        text,
  status_set_at             timestamptz NOT NULL,
  manager_approved_by       uuid,
  manager_approved_by_name  text,
  manager_approved_at       timestamptz,
  manager_approval_reason   text,
  security_approved_by      uuid,
  security_approved_by_name text,
  security_approved_at      timestamptz,
  security_approval_reason  text,
  stopped_by                uuid,
  stopped_by_name           text,
  stopped_at                timestamptz,
  stop_reason               text,
  departed_on               date,
  updated_at                timestamptz NOT NULL,
  version                   bigint      NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on),
  CHECK (type = 'official' OR status IN ('noted', 'withdrawn')),
  CHECK (type = 'official' OR needs_security = 'no'),
  CHECK (security_approved_by IS NULL OR manager_approved_by IS NULL OR security_approved_by <> manager_approved_by),
  CHECK (manager_approved_by IS NULL OR manager_approved_by <> traveller_id),
  CHECK (security_approved_by IS NULL OR security_approved_by <> traveller_id),
  CHECK ((status IN ('travelling', 'completed')) = (departed_on IS NOT NULL))
);

CREATE INDEX trips_traveller ON trips (traveller_id, starts_on);
CREATE INDEX trips_status ON trips (status, starts_on);
CREATE INDEX trips_version ON trips (version, id);

CREATE TABLE trip_legs (
  id              uuid   PRIMARY KEY,
  trip_id         uuid   NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
  traveller_id    uuid   NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  round           bigint NOT NULL CHECK (round >= 1),
  position        bigint NOT NULL CHECK (position >= 0),
  country         text   NOT NULL CHECK (country ~ '^[A-Z]{2}$' AND country <> 'GB'),
  from_on         date   NOT NULL,
  to_on           date   NOT NULL,
  notify          text   NOT NULL CHECK (notify IN ('yes', 'no')),
  check_on_return text   NOT NULL CHECK (check_on_return IN ('yes', 'no')),
  version         bigint NOT NULL DEFAULT 0,
  CHECK (to_on >= from_on)
);

CREATE UNIQUE INDEX trip_legs_position_key ON trip_legs (trip_id, round, position);
CREATE INDEX trip_legs_traveller ON trip_legs (traveller_id);
CREATE INDEX trip_legs_version ON trip_legs (version, id);

CREATE TABLE trip_devices (
  id                  uuid        PRIMARY KEY,
  trip_id             uuid        NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
  traveller_id        uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  round               bigint      NOT NULL CHECK (round >= 1),
  position            bigint      NOT NULL CHECK (position >= 0),
  asset_id            uuid        NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  asset_tag           text        NOT NULL,
  refused_reason      text,
  returned_on         date,
  return_confirmed_by uuid,
  return_confirmed_at timestamptz,
  needs_check         text        CHECK (needs_check IS NULL OR needs_check IN ('yes', 'no')),
  version             bigint      NOT NULL DEFAULT 0,
  CHECK ((returned_on IS NULL) = (return_confirmed_at IS NULL) AND (returned_on IS NULL) = (needs_check IS NULL)),
  CHECK (refused_reason IS NULL OR returned_on IS NULL)
);

CREATE UNIQUE INDEX trip_devices_position_key ON trip_devices (trip_id, round, position);
CREATE INDEX trip_devices_traveller ON trip_devices (traveller_id);
CREATE INDEX trip_devices_version ON trip_devices (version, id);

CREATE TABLE trip_events (
  id           uuid        PRIMARY KEY,
  trip_id      uuid        NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
  traveller_id uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  event        text        NOT NULL,
  note         text,
  actor_id     uuid,
  client_id    text        NOT NULL,
  at           timestamptz NOT NULL,
  version      bigint      NOT NULL DEFAULT 0
);

CREATE INDEX trip_events_trip ON trip_events (trip_id, id);
CREATE INDEX trip_events_traveller ON trip_events (traveller_id);
CREATE INDEX trip_events_version ON trip_events (version, id);

CREATE TABLE travel_notices (
  id             uuid        PRIMARY KEY,
  trip_id        uuid        NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
  traveller_id   uuid        NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  trip_type      text        NOT NULL CHECK (trip_type IN ('official', 'personal')),
  countries      text        NOT NULL CHECK (countries ~ '^[A-Z]{2}(,[A-Z]{2})*$'),
  from_on        date        NOT NULL,
  to_on          date        NOT NULL,
  policy_version bigint      NOT NULL CHECK (policy_version >= 1),
  created_at     timestamptz NOT NULL,
  version        bigint      NOT NULL DEFAULT 0
);

CREATE INDEX travel_notices_traveller ON travel_notices (traveller_id);
CREATE INDEX travel_notices_version ON travel_notices (version, id);

ALTER TABLE sync_exits DROP CONSTRAINT sync_exits_table_name_check;
ALTER TABLE sync_exits ADD CONSTRAINT sync_exits_table_name_check CHECK (table_name IN ('people', 'assets', 'asset_events', 'aup_acknowledgements',
  'security_incidents', 'loss_reports', 'phone_suspensions', 'incident_events', 'country_policy_versions', 'country_policy_rules', 'trips',
  'trip_legs', 'trip_devices', 'trip_events', 'travel_notices'));
