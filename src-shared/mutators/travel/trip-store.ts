import type { CountryCode } from '../../domain/travel/countries';
import { initialCountryPolicy, type CountryPolicyVersion, type CountryRule } from '../../domain/travel/country-policy';
import type { TravelActor } from '../../domain/travel/trip-decisions';
import { tripEnd, tripStart } from '../../domain/travel/trip-dates';
import type { DeviceReturn, TripDecision, TripRecord } from '../../domain/travel/trip-record';
import type { ApprovalStage, TripRoute } from '../../domain/travel/trip-routing';
import type { CountryPolicyRuleRow, CountryPolicyVersionRow, TripDeviceRow, TripEvent, TripLegRow, TripRow, YesNo } from '../../domain/travel/travel-rows';
import { DomainError } from '../../result';
import type { MutatorTx } from '../tx';

/**
 * The travel tables as the pure rules see them: the current country policy folded from its versions, and a trip's rows
 * turned into the TripRecord that validateTripRequest, applyTripCommand and tripsAffectedByTightening take (and back).
 */

/**
 * Version 1 of the policy has no row (every destination unclassified): its moment is fixed, the same in every store,
 * so two desktops and the server build the identical version 1.
 */
export const POLICY_ORIGIN = '2026-01-01T00:00:00.000Z';

const yes = (flag: boolean): YesNo => (flag ? 'yes' : 'no');

/** The newest version in `versions`: version 1 with every later version's changed rules laid on top (pure, for queries too). */
export function foldPolicy(versions: readonly CountryPolicyVersionRow[], ruleRows: readonly CountryPolicyRuleRow[]): CountryPolicyVersion {
  const base = initialCountryPolicy(POLICY_ORIGIN);
  if (versions.length === 0) return base;
  const latest = versions.reduce((newest, row) => (row.policyVersion > newest.policyVersion ? row : newest));
  const rules: Partial<Record<CountryCode, CountryRule>> = { ...base.rules };
  for (const row of [...ruleRows].sort((a, b) => a.policyVersion - b.policyVersion)) rules[row.country as CountryCode] = { tier: row.tier, notify: row.notify === 'yes' };
  return { version: latest.policyVersion, effectiveAt: latest.effectiveAt, setBy: latest.setBy, setByName: latest.setByName, reason: latest.reason, rules };
}

/** The newest policy version this store holds. */
export async function loadCurrentPolicy(tx: MutatorTx): Promise<CountryPolicyVersion> {
  return foldPolicy(await tx.listAll('country_policy_versions'), await tx.listAll('country_policy_rules'));
}

/** The signed-in person as the trip rules see them; travel needs someone signed in (a trip is always someone's). */
export async function loadActor(tx: MutatorTx): Promise<TravelActor> {
  const { actorId } = tx.context;
  const person = actorId === null ? undefined : await tx.get('people', actorId);
  if (actorId === null || person === undefined) throw new DomainError('forbidden', 'Sign in to request or decide on travel: a trip is always someone’s');
  return { personId: actorId, name: person.name, roles: person.roles };
}

function decisionOf(by: string | null, byName: string | null, at: string | null, reason: string | null): TripDecision | null {
  if (by === null || at === null) return null;
  return { by, byName: byName ?? '', at, reason: reason ?? '' };
}

function uniqueCountries(legs: readonly TripLegRow[], keep: (leg: TripLegRow) => boolean): CountryCode[] {
  return [...new Set(legs.filter(keep).map((leg) => leg.country as CountryCode))];
}

/** A trip's rows of its current round, in position order. */
export async function loadTripRows(tx: MutatorTx, trip: TripRow): Promise<{ legs: TripLegRow[]; devices: TripDeviceRow[] }> {
  const byPosition = <R extends { round: number; position: number }>(rows: readonly R[]) =>
    rows.filter((row) => row.round === trip.round).sort((a, b) => a.position - b.position);
  return { legs: byPosition(await tx.listBy('trip_legs', 'tripId', trip.id)), devices: byPosition(await tx.listBy('trip_devices', 'tripId', trip.id)) };
}

export function tripRecordOf(trip: TripRow, legs: readonly TripLegRow[], devices: readonly TripDeviceRow[]): TripRecord {
  const stages: ApprovalStage[] = trip.type === 'personal' ? [] : trip.needsSecurity === 'yes' ? ['line_manager', 'security'] : ['line_manager'];
  const route: TripRoute = {
    policyVersion: trip.policyVersion,
    stages,
    devices: devices.filter((row) => row.refusedReason === null).map((row) => ({ assetId: row.assetId, assetTag: row.assetTag })),
    refusedDevices: devices.flatMap((row) => (row.refusedReason === null ? [] : [{ assetId: row.assetId, assetTag: row.assetTag, reason: row.refusedReason }])),
    notifyCountries: uniqueCountries(legs, (leg) => leg.notify === 'yes'),
    checkOnReturnCountries: uniqueCountries(legs, (leg) => leg.checkOnReturn === 'yes'),
  };
  const returns: DeviceReturn[] = devices.flatMap((row) =>
    row.returnedOn === null || row.returnConfirmedAt === null
      ? []
      : [{ assetId: row.assetId, returnedOn: row.returnedOn, confirmedBy: row.returnConfirmedBy ?? '', confirmedAt: row.returnConfirmedAt, needsCheck: row.needsCheck === 'yes' }],
  );
  return {
    id: trip.id,
    travellerId: trip.travellerId,
    travellerName: trip.travellerName,
    type: trip.type,
    legs: legs.map((leg) => ({ country: leg.country as CountryCode, from: leg.fromOn, to: leg.toOn })),
    justification: trip.justification,
    requestedDevices: devices.map((row) => ({ assetId: row.assetId, assetTag: row.assetTag })),
    route,
    status: trip.status,
    statusSetBy: trip.statusSetBy,
    statusSetByName: trip.statusSetByName,
    statusSetAt: trip.statusSetAt,
    managerApproval: decisionOf(trip.managerApprovedBy, trip.managerApprovedByName, trip.managerApprovedAt, trip.managerApprovalReason),
    securityApproval: decisionOf(trip.securityApprovedBy, trip.securityApprovedByName, trip.securityApprovedAt, trip.securityApprovalReason),
    stoppedBy: decisionOf(trip.stoppedBy, trip.stoppedByName, trip.stoppedAt, trip.stopReason),
    departedOn: trip.departedOn,
    returns,
  };
}

export async function loadTrip(tx: MutatorTx, tripId: string): Promise<{ row: TripRow; record: TripRecord }> {
  const row = await tx.get('trips', tripId);
  if (!row) throw new DomainError('not_found', 'That trip is not on this desktop', { tripId: 'Choose a trip' });
  const { legs, devices } = await loadTripRows(tx, row);
  return { row, record: tripRecordOf(row, legs, devices) };
}

/** The trip row's columns that follow from the record (everything but who it is for and which round is in force). */
export function tripColumnsOf(record: TripRecord, updatedAt: string): Omit<TripRow, 'id' | 'travellerId' | 'travellerName' | 'lineManagerId' | 'round'> {
  const { managerApproval: manager, securityApproval: security, stoppedBy: stopped } = record;
  return {
    type: record.type,
    justification: record.justification,
    startsOn: tripStart(record.legs),
    endsOn: tripEnd(record.legs),
    policyVersion: record.route.policyVersion,
    needsSecurity: yes(record.route.stages.includes('security')),
    status: record.status,
    statusSetBy: record.statusSetBy,
    statusSetByName: record.statusSetByName,
    statusSetAt: record.statusSetAt,
    managerApprovedBy: manager?.by ?? null,
    managerApprovedByName: manager?.byName ?? null,
    managerApprovedAt: manager?.at ?? null,
    managerApprovalReason: manager?.reason ?? null,
    securityApprovedBy: security?.by ?? null,
    securityApprovedByName: security?.byName ?? null,
    securityApprovedAt: security?.at ?? null,
    securityApprovalReason: security?.reason ?? null,
    stoppedBy: stopped?.by ?? null,
    stoppedByName: stopped?.byName ?? null,
    stoppedAt: stopped?.at ?? null,
    stopReason: stopped?.reason ?? null,
    departedOn: record.departedOn,
    updatedAt,
  };
}

/** Inserts a round's legs and devices (the request's, or a resubmission's), with the route's per-leg flags. */
export async function insertRound(tx: MutatorTx, record: TripRecord, round: number): Promise<void> {
  const notify = new Set(record.route.notifyCountries);
  const check = new Set(record.route.checkOnReturnCountries);
  for (const [position, leg] of record.legs.entries()) {
    await tx.insert('trip_legs', {
      id: tx.newId(),
      tripId: record.id,
      travellerId: record.travellerId,
      round,
      position,
      country: leg.country,
      fromOn: leg.from,
      toOn: leg.to,
      notify: yes(notify.has(leg.country)),
      checkOnReturn: yes(check.has(leg.country)),
    });
  }
  for (const [position, device] of record.requestedDevices.entries()) {
    const refused = record.route.refusedDevices.find((candidate) => candidate.assetId === device.assetId);
    await tx.insert('trip_devices', {
      id: tx.newId(),
      tripId: record.id,
      travellerId: record.travellerId,
      round,
      position,
      assetId: device.assetId,
      assetTag: device.assetTag,
      refusedReason: refused?.reason ?? null,
      returnedOn: null,
      returnConfirmedBy: null,
      returnConfirmedAt: null,
      needsCheck: null,
    });
  }
}

/** Appends one entry to a trip's timeline, stamped with who and when. */
export async function appendTripEvent(tx: MutatorTx, trip: Pick<TripRecord, 'id' | 'travellerId'>, event: TripEvent, note: string | null): Promise<void> {
  const { now, actorId, clientId } = tx.context;
  await tx.insert('trip_events', { id: tx.newId(), tripId: trip.id, travellerId: trip.travellerId, event, note, actorId, clientId, at: now });
}
