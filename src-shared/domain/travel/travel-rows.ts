import type { CountryTier } from './country-policy';
import type { TripStatus } from './trip-lifecycle';
import type { TripType } from './trip';

/**
 * The travel tables' rows (db/local/0010_travel.sql, db/central/0004_travel.sql), in domain field names. Flags are
 * 'yes'/'no' (the central store has no boolean kind for synced columns); integers are policy version numbers, rounds
 * and positions. trip-store.ts turns these rows into the TripRecord the pure rules take, and back.
 */
export type YesNo = 'yes' | 'no';

/** A numbered version of the country policy after the first (version 1, every destination unclassified, has no row). */
export interface CountryPolicyVersionRow {
  readonly id: string;
  readonly policyVersion: number;
  readonly effectiveAt: string;
  readonly setBy: string | null;
  readonly setByName: string | null;
  readonly reason: string;
}

/** The rule a version set for one country (only the countries it changed). */
export interface CountryPolicyRuleRow {
  readonly id: string;
  readonly policyVersion: number;
  readonly country: string;
  readonly tier: CountryTier;
  readonly notify: YesNo;
  readonly setBy: string | null;
}

export interface TripRow {
  readonly id: string;
  readonly travellerId: string;
  readonly travellerName: string;
  /** The traveller's line manager when the trip was requested: whose approval queue it lands in. */
  readonly lineManagerId: string | null;
  readonly type: TripType;
  readonly justification: string | null;
  /** Which submission's legs and devices are in force (a resubmission makes the next round). */
  readonly round: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly policyVersion: number;
  readonly needsSecurity: YesNo;
  readonly status: TripStatus;
  readonly statusSetBy: string | null;
  readonly statusSetByName: string | null;
  readonly statusSetAt: string;
  readonly managerApprovedBy: string | null;
  readonly managerApprovedByName: string | null;
  readonly managerApprovedAt: string | null;
  readonly managerApprovalReason: string | null;
  readonly securityApprovedBy: string | null;
  readonly securityApprovedByName: string | null;
  readonly securityApprovedAt: string | null;
  readonly securityApprovalReason: string | null;
  readonly stoppedBy: string | null;
  readonly stoppedByName: string | null;
  readonly stoppedAt: string | null;
  readonly stopReason: string | null;
  readonly departedOn: string | null;
  readonly updatedAt: string;
}

export interface TripLegRow {
  readonly id: string;
  readonly tripId: string;
  readonly travellerId: string;
  readonly round: number;
  readonly position: number;
  readonly country: string;
  readonly fromOn: string;
  readonly toOn: string;
  readonly notify: YesNo;
  readonly checkOnReturn: YesNo;
}

export interface TripDeviceRow {
  readonly id: string;
  readonly tripId: string;
  readonly travellerId: string;
  readonly round: number;
  readonly position: number;
  readonly assetId: string;
  readonly assetTag: string;
  readonly refusedReason: string | null;
  readonly returnedOn: string | null;
  readonly returnConfirmedBy: string | null;
  readonly returnConfirmedAt: string | null;
  readonly needsCheck: YesNo | null;
}

export const TRIP_EVENTS = {
  requested: 'Requested',
  noted: 'Noted (personal trip)',
  resubmitted: 'Resubmitted',
  approveAsManager: 'Approved by line manager',
  approveAsSecurity: 'Approved by security',
  reject: 'Rejected',
  withdraw: 'Withdrawn',
  cancel: 'Cancelled',
  flagForReReview: 'Flagged for re-review after a policy change',
  notified: 'Security team notified (AUP 7.14)',
  alertAbroad: 'Policy tightened while abroad',
  recordDeparture: 'Departed',
  confirmDeviceReturned: 'Device confirmed back',
  recordReturn: 'Returned',
} as const;

export type TripEvent = keyof typeof TRIP_EVENTS;

export interface TripEventRow {
  readonly id: string;
  readonly tripId: string;
  readonly travellerId: string;
  readonly event: TripEvent;
  readonly note: string | null;
  readonly actorId: string | null;
  readonly clientId: string;
  readonly at: string;
}

/** AUP 7.14: one notice per submission of a trip with a leg in a "notify" country. */
export interface TravelNoticeRow {
  readonly id: string;
  readonly tripId: string;
  readonly travellerId: string;
  readonly tripType: TripType;
  /** ISO codes in leg order, comma-separated. */
  readonly countries: string;
  readonly fromOn: string;
  readonly toOn: string;
  readonly policyVersion: number;
  readonly createdAt: string;
}
