import { err, type Result } from '../../result';
import { formatDate } from '../travel/trip-dates';
import { cleanText, invalidFields, outcome } from './case-update';
import type { LeaverCommandContext } from './command-context';
import type { LeaverOutcome } from './leaver-effects';
import type { LeaverCase } from './leaver-case';
import { leavingDateProblem } from './leaving-date';

/** Changes to the case itself rather than its items: moving the leaving date, and cancelling when the person stays. */

/**
 * Leaving dates move (notice extended or cut short). The new date obeys the same bounds as at opening, and a reason is
 * required because moving the date later also moves when the case becomes overdue and escalates.
 */
export function changeLeavingDate(
  leaverCase: LeaverCase,
  input: { readonly leavingDate: string; readonly reason: string },
  context: LeaverCommandContext,
): Result<LeaverOutcome> {
  const leavingDate = input.leavingDate.trim();
  const reason = cleanText(input.reason);
  const fields: Record<string, string> = {};
  const dateProblem = leavingDateProblem(leavingDate, context.today);
  if (dateProblem !== null) fields['leavingDate'] = dateProblem;
  else if (leavingDate === leaverCase.leavingDate) fields['leavingDate'] = `${formatDate(leavingDate)} is already the leaving date: enter the new one`;
  if (reason === null) fields['reason'] = 'Enter why the leaving date is changing';
  if (reason === null || Object.keys(fields).length > 0) return invalidFields('The new leaving date', fields);
  const change = { by: context.actor.personId, byName: context.actor.name, at: context.at, reason, from: leaverCase.leavingDate };
  return outcome({ ...leaverCase, leavingDate, leavingDateChange: change });
}

/**
 * The person is staying after all. What was recorded stands (kit that came back stays back, a missing asset stays
 * reported); the person goes back to active, and a later departure opens a new case.
 */
export function cancelCase(leaverCase: LeaverCase, input: { readonly reason: string }, context: LeaverCommandContext): Result<LeaverOutcome> {
  const reason = cleanText(input.reason);
  if (reason === null) return err('invalid_input', 'Give a reason for cancelling the case', { reason: `Enter why ${leaverCase.personName} is no longer leaving` });
  const cancelled: LeaverCase = {
    ...leaverCase,
    status: 'cancelled',
    statusSetBy: context.actor.personId,
    statusSetByName: context.actor.name,
    statusSetAt: context.at,
    cancellation: { by: context.actor.personId, byName: context.actor.name, at: context.at, reason },
  };
  return outcome(cancelled, [{ kind: 'setPersonStatus', personId: leaverCase.personId, status: 'active' }]);
}
