import { formatDate, tripEnd, tripStart } from './trip-dates';
import type { TripStatus } from './trip-lifecycle';
import { listCountries, tripCountries, type TripRoute } from './trip-routing';
import type { TripDevice, TripLeg, TripType } from './trip';

/**
 * A trip as the domain reasons about it: the request, its judgement under the policy, and what has happened since.
 * The store's tables (next increment) hold the same facts; this shape is what the pure rules take and give back.
 */

/**
 * An approval, rejection, cancellation, re-review flag or withdrawal: who, when, and why. Every decision carries a
 * reason; only a traveller withdrawing their own request may leave it empty.
 */
export interface TripDecision {
  readonly by: string;
  readonly byName: string;
  readonly at: string;
  readonly reason: string;
}

/** A device confirmed back in the UK after the trip. */
export interface DeviceReturn {
  readonly assetId: string;
  readonly returnedOn: string;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
  /** The device went to a country whose devices are checked (and re-imaged if need be) before use. */
  readonly needsCheck: boolean;
}

export interface TripRecord {
  readonly id: string;
  readonly travellerId: string;
  readonly travellerName: string;
  readonly type: TripType;
  /** In date order. */
  readonly legs: readonly TripLeg[];
  readonly justification: string | null;
  /** What the traveller asked to take; `route.devices` is what may go. */
  readonly requestedDevices: readonly TripDevice[];
  readonly route: TripRoute;
  readonly status: TripStatus;
  readonly statusSetBy: string | null;
  readonly statusSetByName: string | null;
  readonly statusSetAt: string;
  readonly managerApproval: TripDecision | null;
  readonly securityApproval: TripDecision | null;
  /** The rejection, withdrawal, cancellation or re-review flag that last stopped the trip, with its reason. */
  readonly stoppedBy: TripDecision | null;
  readonly departedOn: string | null;
  readonly returns: readonly DeviceReturn[];
}

/** "the trip to France and Germany (10 Mar 2026 to 20 Mar 2026)": how refusals and notices name a trip. */
export function describeTrip(trip: { readonly legs: readonly TripLeg[] }): string {
  return `the trip to ${listCountries(tripCountries(trip.legs))} (${formatDate(tripStart(trip.legs))} to ${formatDate(tripEnd(trip.legs))})`;
}
