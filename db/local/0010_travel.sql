-- Version 10: overseas travel approvals (AUP 7.13, 7.14) — the security team's country policy (numbered versions and the
-- per-country rules each one set), trips with their legs and devices (and each device's return), each trip's timeline,
-- and the travel notices AUP 7.14 asks for. Schema only: no existing row changes.
--
-- Country policy: version 1 (every destination unclassified) is implicit and has no rows; each later version stores
-- only the countries it changed, so the rule in force for a country is its row with the highest version number (and
-- UNCLASSIFIED_RULE without one). Version numbers, never clocks, order versions.
--
-- Trips: a resubmission after a re-review may change the legs and devices, and a mutator never deletes, so each
-- submission is a round: legs and devices carry the round they belong to, and the trip the round in force.
-- (policy_version, not version: the central store's synced tables have a version column of their own.)
-- Flags are 'yes'/'no' text (the central store has no boolean kind for synced columns). People referenced as actors
-- and the line manager have no foreign key (a member of staff's desktop holds their own person row only).

CREATE TABLE country_policy_versions (
  id             TEXT    PRIMARY KEY,
  policy_version INTEGER NOT NULL UNIQUE CHECK (policy_version >= 2),
  effective_at   TEXT    NOT NULL,
  set_by      TEXT,
  set_by_name TEXT,
  reason      TEXT    NOT NULL CHECK (length(reason) > 0)
) STRICT;

CREATE TABLE country_policy_rules (
  id             TEXT    PRIMARY KEY,
  policy_version INTEGER NOT NULL CHECK (policy_version >= 2),
  country TEXT    NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
  tier    TEXT    NOT NULL CHECK (tier IN ('permitted', 'security_review', 'prohibited')),
  notify  TEXT    NOT NULL CHECK (notify IN ('yes', 'no')),
  set_by  TEXT,
  UNIQUE (country, policy_version)
) STRICT;

CREATE TABLE trips (
  id                       TEXT    PRIMARY KEY,
  traveller_id             TEXT    NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  traveller_name           TEXT    NOT NULL,
  line_manager_id          TEXT,
  type                     TEXT    NOT NULL CHECK (type IN ('official', 'personal')),
  justification            TEXT,
  round                    INTEGER NOT NULL CHECK (round >= 1),
  starts_on                TEXT    NOT NULL CHECK (date(starts_on) = starts_on),
  ends_on                  TEXT    NOT NULL CHECK (date(ends_on) = ends_on),
  policy_version           INTEGER NOT NULL CHECK (policy_version >= 1),
  needs_security           TEXT    NOT NULL CHECK (needs_security IN ('yes', 'no')),
  status                   TEXT    NOT NULL CHECK (status IN ('noted', 'submitted', 'manager_approved', 'approved', 're_review_required',
                                                              'travelling', 'completed', 'rejected', 'withdrawn', 'cancelled')),
  status_set_by            TEXT,
  status_set_by_name       TEXT,
  status_set_at            TEXT    NOT NULL,
  manager_approved_by      TEXT,
  manager_approved_by_name TEXT,
  manager_approved_at      TEXT,
  manager_approval_reason  TEXT,
  security_approved_by     TEXT,
  security_approved_by_name TEXT,
  security_approved_at     TEXT,
  security_approval_reason TEXT,
  stopped_by               TEXT,
  stopped_by_name          TEXT,
  stopped_at               TEXT,
  stop_reason              TEXT,
  departed_on              TEXT    CHECK (departed_on IS NULL OR date(departed_on) = departed_on),
  updated_at               TEXT    NOT NULL,
  CHECK (ends_on >= starts_on),
  CHECK (type = 'official' OR (status = 'noted' OR status = 'withdrawn')),
  CHECK (type = 'official' OR justification IS NULL OR length(justification) > 0),
  CHECK (type = 'official' OR needs_security = 'no'),
  -- Nobody gives both approvals on one trip, and nobody approves their own.
  CHECK (security_approved_by IS NULL OR manager_approved_by IS NULL OR security_approved_by <> manager_approved_by),
  CHECK (manager_approved_by IS NULL OR manager_approved_by <> traveller_id),
  CHECK (security_approved_by IS NULL OR security_approved_by <> traveller_id),
  CHECK ((status IN ('travelling', 'completed')) = (departed_on IS NOT NULL))
) STRICT;

CREATE INDEX trips_traveller ON trips (traveller_id, starts_on);
CREATE INDEX trips_status ON trips (status, starts_on);
CREATE INDEX trips_line_manager ON trips (line_manager_id, status) WHERE line_manager_id IS NOT NULL;
CREATE INDEX trips_dates ON trips (ends_on, starts_on);

CREATE TABLE trip_legs (
  id              TEXT    PRIMARY KEY,
  trip_id         TEXT    NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
  traveller_id    TEXT    NOT NULL,
  round           INTEGER NOT NULL CHECK (round >= 1),
  position        INTEGER NOT NULL CHECK (position >= 0),
  country         TEXT    NOT NULL CHECK (length(country) = 2 AND country = upper(country) AND country <> 'GB'),
  from_on         TEXT    NOT NULL CHECK (date(from_on) = from_on),
  to_on           TEXT    NOT NULL CHECK (date(to_on) = to_on),
  notify          TEXT    NOT NULL CHECK (notify IN ('yes', 'no')),
  check_on_return TEXT    NOT NULL CHECK (check_on_return IN ('yes', 'no')),
  CHECK (to_on >= from_on),
  UNIQUE (trip_id, round, position)
) STRICT;

CREATE INDEX trip_legs_country ON trip_legs (country, from_on);

CREATE TABLE trip_devices (
  id                  TEXT    PRIMARY KEY,
  trip_id             TEXT    NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
  traveller_id        TEXT    NOT NULL,
  round               INTEGER NOT NULL CHECK (round >= 1),
  position            INTEGER NOT NULL CHECK (position >= 0),
  asset_id            TEXT    NOT NULL REFERENCES assets (id) ON DELETE RESTRICT,
  asset_tag           TEXT    NOT NULL,
  -- Why the rules will not let it go (the trip can go ahead without it); NULL when it may go.
  refused_reason      TEXT,
  returned_on         TEXT    CHECK (returned_on IS NULL OR date(returned_on) = returned_on),
  return_confirmed_by TEXT,
  return_confirmed_at TEXT,
  needs_check         TEXT    CHECK (needs_check IS NULL OR needs_check IN ('yes', 'no')),
  CHECK ((returned_on IS NULL) = (return_confirmed_at IS NULL) AND (returned_on IS NULL) = (needs_check IS NULL)),
  CHECK (refused_reason IS NULL OR returned_on IS NULL),
  UNIQUE (trip_id, round, position)
) STRICT;

CREATE INDEX trip_devices_asset ON trip_devices (asset_id, trip_id);

CREATE TABLE trip_events (
  id           TEXT PRIMARY KEY,
  trip_id      TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
  traveller_id TEXT NOT NULL,
  event        TEXT NOT NULL,
  note         TEXT,
  actor_id     TEXT,
  client_id    TEXT NOT NULL,
  at           TEXT NOT NULL
) STRICT;

CREATE INDEX trip_events_trip ON trip_events (trip_id, at);

-- AUP 7.14: the security team hears of any trip to a "notify" country before it happens.
CREATE TABLE travel_notices (
  id             TEXT    PRIMARY KEY,
  trip_id        TEXT    NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
  traveller_id   TEXT    NOT NULL,
  trip_type      TEXT    NOT NULL CHECK (trip_type IN ('official', 'personal')),
  -- ISO codes in the order the legs visit them, comma-separated ("CN,RU").
  countries      TEXT    NOT NULL CHECK (length(countries) >= 2),
  from_on        TEXT    NOT NULL CHECK (date(from_on) = from_on),
  to_on          TEXT    NOT NULL CHECK (date(to_on) = to_on),
  policy_version INTEGER NOT NULL CHECK (policy_version >= 1),
  created_at     TEXT    NOT NULL
) STRICT;

CREATE INDEX travel_notices_dates ON travel_notices (from_on);
