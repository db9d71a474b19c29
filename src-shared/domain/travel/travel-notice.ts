import type { CountryCode } from './countries';
import { formatDate, tripEnd, tripStart } from './trip-dates';
import type { TripRecord } from './trip-record';
import { listCountries } from './trip-routing';
import { TRIP_TYPES, type TripType } from './trip';

/**
 * AUP 7.14: the security team hears of any trip, official or personal, with a leg in a country the policy marks
 * "notify", before it happens. Requesting (or resubmitting) such a trip makes one notice; the next increment stores
 * it and shows it to the security team.
 */
export interface TravelNotice {
  readonly tripId: string;
  readonly travellerId: string;
  readonly tripType: TripType;
  readonly countries: readonly CountryCode[];
  readonly from: string;
  readonly to: string;
  /** The policy version that asked for notice. */
  readonly policyVersion: number;
}

export function travelNotice(trip: TripRecord): TravelNotice | null {
  if (trip.route.notifyCountries.length === 0) return null;
  return {
    tripId: trip.id,
    travellerId: trip.travellerId,
    tripType: trip.type,
    countries: trip.route.notifyCountries,
    from: tripStart(trip.legs),
    to: tripEnd(trip.legs),
    policyVersion: trip.route.policyVersion,
  };
}

/** "Jo Bloggs will be in China (personal trip, 10 Mar 2026 to 20 Mar 2026): …". */
export function noticeText(notice: TravelNotice, travellerName: string): string {
  return `${travellerName} will be in ${listCountries(notice.countries)} (${TRIP_TYPES[notice.tripType].toLowerCase()} trip, ${formatDate(notice.from)} to ${formatDate(notice.to)}): country policy version ${String(notice.policyVersion)} asks for notice of any travel there (AUP 7.14)`;
}
