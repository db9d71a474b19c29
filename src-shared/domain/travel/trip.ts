import type { CountryCode } from './countries';

/**
 * A trip abroad as the domain sees it. AUP 7.13: department devices go abroad only on official business, when approved;
 * AUP 7.14: some countries must be notified before any trip, even a personal one.
 */
export const TRIP_TYPES = {
  official: 'Official business',
  personal: 'Personal',
} as const;

export type TripType = keyof typeof TRIP_TYPES;

export const TRIP_TYPE_VALUES = Object.keys(TRIP_TYPES) as [TripType, ...TripType[]];

/** One country and the calendar dates spent there (YYYY-MM-DD, both inclusive). */
export interface TripLeg {
  readonly country: CountryCode;
  readonly from: string;
  readonly to: string;
}

/** A device the traveller asked to take, with the tag people read in messages. */
export interface TripDevice {
  readonly assetId: string;
  readonly assetTag: string;
}

/** A device the rules will not let go, and why (shown to the traveller: the trip can go ahead without it). */
export interface RefusedDevice extends TripDevice {
  readonly reason: string;
}
