import type { Database } from 'better-sqlite3';
import type { CountryPolicyView, TripAbroadItem, TripDetail, TripListItem, TripTimelineEntry } from '../../../../src-shared/api/travel-queries';
import { ukDateOf } from '../../../../src-shared/domain/calendar-date';
import { countryName, DESTINATION_CODES } from '../../../../src-shared/domain/travel/countries';
import { ruleFor } from '../../../../src-shared/domain/travel/country-policy';
import { overdueDevices } from '../../../../src-shared/domain/travel/device-returns';
import { addDays } from '../../../../src-shared/domain/travel/trip-dates';
import { tripCommandsFrom } from '../../../../src-shared/domain/travel/trip-lifecycle';
import type { CountryPolicyRuleRow, CountryPolicyVersionRow, TravelNoticeRow, TripDeviceRow, TripLegRow, TripRow } from '../../../../src-shared/domain/travel/travel-rows';
import { foldPolicy, tripRecordOf } from '../../../../src-shared/mutators/travel/trip-store';
import { DomainError } from '../../../../src-shared/result';
import { prepared } from '../../prepared';
import { selectColumns } from '../columns';

/**
 * The travel pages' reads (AUP 7.13, 7.14). Each reads the trips this desktop holds, which sync has already limited to
 * those its user may see (visibility.ts: the traveller, their line managers, the desk and the security team).
 */
const TRIP = selectColumns('trips', 't');

function roundRows(db: Database, trip: TripRow): { legs: TripLegRow[]; devices: TripDeviceRow[] } {
  const legs = prepared(db, `SELECT ${selectColumns('trip_legs', 'l')} FROM trip_legs l WHERE l.trip_id = ? AND l.round = ? ORDER BY l.position`).all(trip.id, trip.round) as TripLegRow[];
  const devices = prepared(db, `SELECT ${selectColumns('trip_devices', 'd')} FROM trip_devices d WHERE d.trip_id = ? AND d.round = ? ORDER BY d.position`).all(
    trip.id,
    trip.round,
  ) as TripDeviceRow[];
  return { legs, devices };
}

function listItem(db: Database, trip: TripRow): TripListItem {
  const { legs, devices } = roundRows(db, trip);
  return {
    trip,
    countries: [...new Set(legs.map((leg) => leg.country))],
    devices: devices.filter((device) => device.refusedReason === null).map((device) => ({ assetId: device.assetId, assetTag: device.assetTag, returned: device.returnedOn !== null })),
  };
}

export function tripGet(db: Database, { tripId }: { tripId: string }, now: string): TripDetail {
  const trip = prepared(db, `SELECT ${TRIP} FROM trips t WHERE t.id = ?`).get(tripId) as TripRow | undefined;
  if (!trip) throw new DomainError('not_found', 'That trip is not on this desktop');
  const { legs, devices } = roundRows(db, trip);
  const timeline = prepared(
    db,
    `SELECT ${selectColumns('trip_events', 'e')}, p.name AS "actorName" FROM trip_events e LEFT JOIN people p ON p.id = e.actor_id
      WHERE e.trip_id = ? ORDER BY e.at DESC, e.rowid DESC`,
  ).all(tripId) as TripTimelineEntry[];
  const notices = prepared(db, `SELECT ${selectColumns('travel_notices', 'n')} FROM travel_notices n WHERE n.trip_id = ? ORDER BY n.created_at, n.rowid`).all(
    tripId,
  ) as TravelNoticeRow[];
  return {
    trip,
    legs,
    devices,
    timeline,
    notices,
    commands: tripCommandsFrom(trip.status),
    overdue: overdueDevices(tripRecordOf(trip, legs, devices), ukDateOf(now)),
  };
}

/** A person's trips, latest first. */
export function tripsForPerson(db: Database, { personId, limit }: { personId: string; limit: number }): TripListItem[] {
  const trips = prepared(db, `SELECT ${TRIP} FROM trips t WHERE t.traveller_id = ? ORDER BY t.starts_on DESC, t.id LIMIT ?`).all(personId, limit) as TripRow[];
  return trips.map((trip) => listItem(db, trip));
}

/** Trips waiting for a line manager (their direct reports', as requested) or for the security review, soonest first. */
export function tripApprovalQueue(db: Database, input: { stage: 'line_manager' | 'security'; managerId?: string | undefined }): TripListItem[] {
  const trips =
    input.stage === 'line_manager'
      ? (prepared(db, `SELECT ${TRIP} FROM trips t WHERE t.status = 'submitted' AND t.line_manager_id = ? ORDER BY t.starts_on, t.id`).all(input.managerId ?? null) as TripRow[])
      : (prepared(db, `SELECT ${TRIP} FROM trips t WHERE t.status = 'manager_approved' ORDER BY t.starts_on, t.id`).all() as TripRow[]);
  return trips.map((trip) => listItem(db, trip));
}

/**
 * Who is abroad now or soon: travelling, approved or noted trips whose dates meet today to `withinDays` ahead, and any
 * trip still travelling (a device overdue is still abroad), soonest first.
 */
export function tripsAbroad(db: Database, { withinDays }: { withinDays: number }, now: string): TripAbroadItem[] {
  const today = ukDateOf(now);
  const trips = prepared(
    db,
    `SELECT ${TRIP} FROM trips t
      WHERE t.status = 'travelling' OR (t.status IN ('approved', 'noted') AND t.ends_on >= ? AND t.starts_on <= ?)
      ORDER BY t.starts_on, t.id`,
  ).all(today, addDays(today, withinDays)) as TripRow[];
  return trips.map((trip) => {
    const { legs, devices } = roundRows(db, trip);
    const overdue = overdueDevices(tripRecordOf(trip, legs, devices), today);
    return { ...listItem(db, trip), now: trip.status === 'travelling' || (trip.startsOn <= today && trip.endsOn >= today), overdue };
  });
}

/** The country policy in force: every destination's rule, by English name. */
export function countryPolicyCurrent(db: Database): CountryPolicyView {
  const versions = prepared(db, `SELECT ${selectColumns('country_policy_versions', 'v')} FROM country_policy_versions v`).all() as CountryPolicyVersionRow[];
  const rules = prepared(db, `SELECT ${selectColumns('country_policy_rules', 'r')} FROM country_policy_rules r`).all() as CountryPolicyRuleRow[];
  const policy = foldPolicy(versions, rules);
  return {
    version: policy.version,
    effectiveAt: policy.effectiveAt,
    setByName: policy.setByName,
    reason: policy.reason,
    rules: DESTINATION_CODES.map((code) => ({ country: code, name: countryName(code), ...ruleFor(policy, code) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}
