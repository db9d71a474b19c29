import { z } from 'zod';
import { recordId } from '../domain/fields';
import type { CountryTier } from '../domain/travel/country-policy';
import type { OverdueDevice } from '../domain/travel/device-returns';
import type { TripCommand } from '../domain/travel/trip-lifecycle';
import type { TravelNoticeRow, TripDeviceRow, TripEventRow, TripLegRow, TripRow } from '../domain/travel/travel-rows';

/** What the travel pages (next increment) read: one trip, a person's trips, the approval queues, who is abroad, the policy. */

export const tripGetInput = z.strictObject({ tripId: recordId('trip') });

export interface TripTimelineEntry extends TripEventRow {
  readonly actorName: string | null;
}

export interface TripDetail {
  readonly trip: TripRow;
  /** The round in force, in position order. */
  readonly legs: readonly TripLegRow[];
  readonly devices: readonly TripDeviceRow[];
  /** Newest first. */
  readonly timeline: readonly TripTimelineEntry[];
  readonly notices: readonly TravelNoticeRow[];
  /** The steps the trip's status allows (who may take them is for the page to ask MUTATOR_RULES and the domain). */
  readonly commands: readonly TripCommand[];
  /** Devices still abroad after the trip's last day. */
  readonly overdue: readonly OverdueDevice[];
}

/** One line of a list of trips: the trip row with its countries (in leg order) and the devices going (not refused). */
export interface TripListItem {
  readonly trip: TripRow;
  readonly countries: readonly string[];
  readonly devices: readonly { readonly assetId: string; readonly assetTag: string; readonly returned: boolean }[];
}

export const tripsForPersonInput = z.strictObject({
  personId: recordId('person'),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A line manager's queue (trips of their direct reports waiting for them) or the security team's (waiting for review). */
export const tripApprovalQueueInput = z
  .strictObject({
    stage: z.enum(['line_manager', 'security'], { error: 'Choose the line manager’s queue or the security review queue' }),
    /** Whose queue, for the line manager's. */
    managerId: recordId('line manager').optional(),
  })
  .refine((input) => input.stage === 'security' || input.managerId !== undefined, { path: ['managerId'], error: 'Choose the line manager' });

export const tripsAbroadInput = z.strictObject({
  /** "Soon": trips starting within this many days of today. */
  withinDays: z.number().int().min(0).max(366).default(14),
});

export interface TripAbroadItem extends TripListItem {
  /** Today is within the trip's dates (or it is travelling with devices still abroad). */
  readonly now: boolean;
  readonly overdue: readonly OverdueDevice[];
}

export const countryPolicyCurrentInput = z.strictObject({});

export interface CountryPolicyView {
  readonly version: number;
  readonly effectiveAt: string;
  readonly setByName: string | null;
  readonly reason: string;
  /** Every destination, by English name. */
  readonly rules: readonly { readonly country: string; readonly name: string; readonly tier: CountryTier; readonly notify: boolean }[];
}
