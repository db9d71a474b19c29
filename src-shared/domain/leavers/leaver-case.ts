import { formatDate } from '../travel/trip-dates';
import type { CaseStatus } from './case-lifecycle';
import type { ChecklistItem, PersonRef } from './checklist-item';

/**
 * A leaver case as the domain reasons about it: who leaves and when, who opened it, where it stands, and its checklist.
 * The store's tables (next increment) hold the same facts; this shape is what the pure rules take and give back.
 */

/** A decision that needs its reason on the record: cancelling a case, moving the leaving date. */
export interface CaseDecision {
  readonly by: string;
  readonly byName: string;
  readonly at: string;
  readonly reason: string;
}

export interface LeavingDateChange extends CaseDecision {
  /** The leaving date before the change. */
  readonly from: string;
}

export interface LeaverCase {
  readonly id: string;
  /** The leaver. */
  readonly personId: string;
  readonly personName: string;
  /** Their last working day (YYYY-MM-DD): outstanding items become overdue the day after. */
  readonly leavingDate: string;
  readonly openedBy: PersonRef;
  readonly openedAt: string;
  readonly status: CaseStatus;
  readonly statusSetBy: string | null;
  readonly statusSetByName: string | null;
  readonly statusSetAt: string;
  /** In checklist order: equipment by type and tag, then the exit steps; items added later go at the end. */
  readonly items: readonly ChecklistItem[];
  /** Why the case was cancelled (the person is staying), when it was. */
  readonly cancellation: CaseDecision | null;
  /** The latest move of the leaving date, with its reason; earlier moves are in the audit events. */
  readonly leavingDateChange: LeavingDateChange | null;
}

/** "Jo Bloggs's leaver case (leaving 31 Mar 2026)": how refusals and notices name a case. */
export function describeCase(leaverCase: Pick<LeaverCase, 'personName' | 'leavingDate'>): string {
  return `${leaverCase.personName}'s leaver case (leaving ${formatDate(leaverCase.leavingDate)})`;
}
