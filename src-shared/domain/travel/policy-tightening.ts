import { countryName, type CountryCode } from './countries';
import { COUNTRY_TIERS, isStricterTier, ruleFor, type CountryPolicyVersion, type CountryRule } from './country-policy';
import { tripEnd } from './trip-dates';
import { TRIP_TRANSITIONS, type TripStatus } from './trip-lifecycle';
import type { TripRecord } from './trip-record';
import { isStricterRoute, routeTrip, tripCountries } from './trip-routing';

/**
 * What a new policy version tightened, and which trips that touches. A tightening is a country whose tier moved to a
 * stricter one, or that gained the notify flag. A trip is affected when the new version, judging the trip afresh,
 * asks more than the version it was judged against did (a device refused, a security review or a notice needed): a
 * stricter tier for a country where the trip takes no device changes nothing, since the tiers are about devices.
 */
export interface CountryTightening {
  readonly country: CountryCode;
  readonly before: CountryRule;
  readonly after: CountryRule;
}

export function tighteningsBetween(before: CountryPolicyVersion, after: CountryPolicyVersion): CountryTightening[] {
  const countries = new Set([...Object.keys(before.rules), ...Object.keys(after.rules)] as CountryCode[]);
  const tightened: CountryTightening[] = [];
  for (const country of countries) {
    const was = ruleFor(before, country);
    const now = ruleFor(after, country);
    if (isStricterTier(now.tier, was.tier) || (now.notify && !was.notify)) tightened.push({ country, before: was, after: now });
  }
  return tightened.sort((a, b) => countryName(a.country).localeCompare(countryName(b.country), 'en-GB'));
}

/** "China: devices permitted with manager approval → security review required; travel must now be notified". */
export function describeTightening({ country, before, after }: CountryTightening): string {
  const parts: string[] = [];
  if (isStricterTier(after.tier, before.tier)) parts.push(`${COUNTRY_TIERS[before.tier].toLowerCase()} → ${COUNTRY_TIERS[after.tier].toLowerCase()}`);
  if (after.notify && !before.notify) parts.push('travel must now be notified (AUP 7.14)');
  return `${countryName(country)}: ${parts.join('; ')}`;
}

/**
 * reReview    – not yet travelling: the trip is flagged (flagForReReview) and goes through approval again;
 * notify      – a personal trip, noted without approval: it needs the AUP 7.14 notice it did not need before;
 * alertAbroad – already travelling with devices: nothing to flag, but the security team should know.
 */
export type TighteningAction = 'reReview' | 'notify' | 'alertAbroad';

export interface AffectedTrip {
  readonly trip: TripRecord;
  readonly action: TighteningAction;
  readonly reason: string;
}

const RE_REVIEWABLE: readonly TripStatus[] = TRIP_TRANSITIONS.flagForReReview.from;

function actionFor(status: TripStatus): TighteningAction | null {
  if (RE_REVIEWABLE.includes(status)) return 'reReview';
  if (status === 'noted') return 'notify';
  if (status === 'travelling') return 'alertAbroad';
  return null;
}

/**
 * The trips the move from `before` to `after` affects, with what to do about each. Final trips, trips already flagged,
 * and trips whose last day has passed (unless devices are still abroad) are left out.
 */
export function tripsAffectedByTightening(
  trips: readonly TripRecord[],
  before: CountryPolicyVersion,
  after: CountryPolicyVersion,
  today: string,
): AffectedTrip[] {
  const tightenings = tighteningsBetween(before, after);
  if (tightenings.length === 0) return [];
  const affected: AffectedTrip[] = [];
  for (const trip of trips) {
    const action = actionFor(trip.status);
    if (action === null || (action !== 'alertAbroad' && tripEnd(trip.legs) < today)) continue;
    const countries = tripCountries(trip.legs);
    const relevant = tightenings.filter((item) => countries.includes(item.country));
    if (relevant.length === 0) continue;
    const next = routeTrip({ type: trip.type, legs: trip.legs, devices: trip.requestedDevices }, after);
    if (!isStricterRoute(next, trip.route)) continue;
    affected.push({ trip, action, reason: `Country policy version ${String(after.version)}: ${relevant.map(describeTightening).join('; ')}` });
  }
  return affected;
}
