import { addDays, daysBetween } from '../travel/trip-dates';
import type { PersonRef } from './checklist-item';
import type { LeaverCase } from './leaver-case';
import { outstandingItems } from './sign-off';
import { addWorkingDays, workingDaysAfter } from './working-days';

/**
 * Overdue and escalation, worked out from the leaving date and today (given, never read from a clock), so they are never
 * stale and need no write when a day passes.
 *
 * Overdue: an open case with anything outstanding after the leaving date. The leaving date itself is not overdue: kit
 * is often handed in on the last afternoon.
 *
 * Escalation: "after 5 working days" overdue. The first overdue working day is the first working day after the leaving
 * date; once five have passed in full, the case escalates on the sixth, so the manager's manager hears on a working day
 * (a case whose fifth day is a Friday escalates on Monday, not over the weekend).
 */
export const ESCALATION_WORKING_DAYS = 5;

export interface Escalation {
  readonly overdue: boolean;
  /** The first day outstanding items are overdue: the day after the leaving date. */
  readonly overdueFrom: string;
  /** Calendar days overdue (0 when not overdue). */
  readonly daysOverdue: number;
  /** Working days overdue, today included (0 when not overdue). */
  readonly workingDaysOverdue: number;
  /** The day the case escalates if anything is still outstanding then. */
  readonly escalatesOn: string;
  readonly escalated: boolean;
  /**
   * Who it escalates to: the leaver's manager's manager. Null when there is nobody above the line manager (or no line
   * manager at all): it then goes to the administrators, who stand in for the hierarchy.
   */
  readonly escalateTo: PersonRef | null;
}

export function escalatesOn(leavingDate: string): string {
  return addWorkingDays(leavingDate, ESCALATION_WORKING_DAYS + 1);
}

/** `managerChain` is the leaver's line managers, direct manager first, as the hierarchy stands today. */
export function escalation(leaverCase: LeaverCase, managerChain: readonly PersonRef[], today: string): Escalation {
  const overdueFrom = addDays(leaverCase.leavingDate, 1);
  const overdue = leaverCase.status === 'open' && today >= overdueFrom && outstandingItems(leaverCase).length > 0;
  const on = escalatesOn(leaverCase.leavingDate);
  return {
    overdue,
    overdueFrom,
    daysOverdue: overdue ? daysBetween(leaverCase.leavingDate, today) : 0,
    workingDaysOverdue: overdue ? workingDaysAfter(leaverCase.leavingDate, today) : 0,
    escalatesOn: on,
    escalated: overdue && today >= on,
    escalateTo: managerChain[1] ?? null,
  };
}
