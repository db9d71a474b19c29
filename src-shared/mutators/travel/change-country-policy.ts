import { ukDateOf } from '../../domain/calendar-date';
import type { CountryCode } from '../../domain/travel/countries';
import { ruleFor, type CountryPolicyVersion } from '../../domain/travel/country-policy';
import { applyPolicyChange, countryPolicyChangeArgs } from '../../domain/travel/policy-change';
import { tripsAffectedByTightening, tighteningsBetween, type AffectedTrip } from '../../domain/travel/policy-tightening';
import { applyTripCommand, type TravelActor } from '../../domain/travel/trip-decisions';
import { FINAL_TRIP_STATUSES } from '../../domain/travel/trip-lifecycle';
import type { TripRecord } from '../../domain/travel/trip-record';
import { routeTrip } from '../../domain/travel/trip-routing';
import { DomainError } from '../../result';
import { defineMutator } from '../define';
import type { MutatorTx } from '../tx';
import { noticeIfNeeded } from './request-trip';
import { appendTripEvent, loadActor, loadCurrentPolicy, loadTrip, tripColumnsOf } from './trip-store';

/** The trips that are not final and visit a country the change tightened (each once). */
async function tripsVisiting(tx: MutatorTx, countries: readonly CountryCode[]): Promise<TripRecord[]> {
  const ids = new Set<string>();
  for (const country of countries) {
    for (const leg of await tx.listBy('trip_legs', 'country', country)) ids.add(leg.tripId);
  }
  const trips: TripRecord[] = [];
  for (const id of [...ids].sort()) {
    const { row, record } = await loadTrip(tx, id);
    // A leg of an earlier round no longer belongs to the trip.
    if (!FINAL_TRIP_STATUSES.includes(row.status) && record.legs.some((leg) => countries.includes(leg.country))) trips.push(record);
  }
  return trips;
}

/**
 * Flags one trip for re-review. The security officer making the change may have a trip of their own among the affected
 * ones: the lifecycle lets nobody decide on their own trip, but a tightening is the policy's doing, not theirs, so that
 * trip is flagged in the policy's name.
 */
function flagged(item: AffectedTrip, actor: TravelActor, at: string, today: string, policy: CountryPolicyVersion): TripRecord {
  const result = applyTripCommand(item.trip, { command: 'flagForReReview', reason: item.reason }, { actor, at, today, policy });
  if (result.ok) return result.value;
  return {
    ...item.trip,
    status: 're_review_required',
    statusSetBy: actor.personId,
    statusSetByName: actor.name,
    statusSetAt: at,
    stoppedBy: { by: actor.personId, byName: actor.name, at, reason: item.reason },
  };
}

async function actOnTightening(tx: MutatorTx, item: AffectedTrip, actor: TravelActor, policy: CountryPolicyVersion): Promise<void> {
  const { now } = tx.context;
  switch (item.action) {
    case 'reReview': {
      const next = flagged(item, actor, now, ukDateOf(now), policy);
      await tx.update('trips', next.id, tripColumnsOf(next, now));
      await appendTripEvent(tx, next, 'flagForReReview', item.reason);
      return;
    }
    case 'notify': {
      // A personal trip, noted without approval: it now needs the AUP 7.14 notice it did not need before.
      const route = routeTrip({ type: item.trip.type, legs: item.trip.legs, devices: item.trip.requestedDevices }, policy);
      await noticeIfNeeded(tx, { ...item.trip, route: { ...item.trip.route, notifyCountries: route.notifyCountries, policyVersion: policy.version } });
      return;
    }
    case 'alertAbroad':
      await appendTripEvent(tx, item.trip, 'alertAbroad', item.reason);
      return;
  }
}

/**
 * The security team changes the country policy (AUP 7.13, 7.14): a new numbered version with the rows they changed,
 * and, in the same mutation, every trip the change tightens is flagged for re-review (or noticed, or alerted while
 * abroad), so a tightening and its flags sync as one. A change based on an older version than the store holds is
 * refused (two officers editing at once).
 */
export const countryPolicyChange = defineMutator({
  name: 'countryPolicy.change',
  args: countryPolicyChangeArgs,
  async run(tx, args) {
    const actor = await loadActor(tx);
    if (!actor.roles.includes('security')) throw new DomainError('forbidden', 'Only the security team can change the country policy');
    const current = await loadCurrentPolicy(tx);
    const result = applyPolicyChange(current, args, { at: tx.context.now, by: actor.personId, byName: actor.name });
    if (!result.ok) throw new DomainError(result.error.code, result.error.message, { ...result.error.fields });
    const next = result.value;
    await tx.insert('country_policy_versions', {
      id: tx.newId(),
      policyVersion: next.version,
      effectiveAt: next.effectiveAt,
      setBy: next.setBy,
      setByName: next.setByName,
      reason: next.reason,
    });
    for (const change of args.changes) {
      const before = ruleFor(current, change.country);
      if (before.tier === change.tier && before.notify === change.notify) continue;
      await tx.insert('country_policy_rules', {
        id: tx.newId(),
        policyVersion: next.version,
        country: change.country,
        tier: change.tier,
        notify: change.notify ? 'yes' : 'no',
        setBy: actor.personId,
      });
    }
    const tightened = tighteningsBetween(current, next).map((item) => item.country);
    if (tightened.length === 0) return;
    const affected = tripsAffectedByTightening(await tripsVisiting(tx, tightened), current, next, ukDateOf(tx.context.now));
    for (const item of affected) await actOnTightening(tx, item, actor, next);
  },
});
