import { err, type Result } from '../../result';
import { formatDate } from '../travel/trip-dates';
import { outcome } from './case-update';
import { describeItem, isResolved, type ChecklistItem } from './checklist-item';
import type { LeaverCommandContext } from './command-context';
import type { LeaverEffect, LeaverOutcome } from './leaver-effects';
import { describeCase, type LeaverCase } from './leaver-case';

/**
 * Signing off closes the case for good (AUP 8.4: the line manager has completed the exit procedures). Only when every
 * item is resolved, and not before the leaving date, because its consequences are immediate: the account is disabled
 * with every session revoked and the person becomes "left" (signOffEffects). A leaver who hands everything back early
 * keeps working until their last day; the manager signs off on or after it.
 */

export function outstandingItems(leaverCase: LeaverCase): ChecklistItem[] {
  return leaverCase.items.filter((item) => !isResolved(item));
}

/** What the sign-off mutator must carry out, in this order, in the same transaction as the case's own change. */
export function signOffEffects(leaverCase: LeaverCase): LeaverEffect[] {
  return [
    { kind: 'disableAccount', personId: leaverCase.personId, revokeAllSessions: true },
    { kind: 'setPersonStatus', personId: leaverCase.personId, status: 'left' },
  ];
}

export function signOff(leaverCase: LeaverCase, context: LeaverCommandContext): Result<LeaverOutcome> {
  const outstanding = outstandingItems(leaverCase);
  if (outstanding.length > 0) {
    const count = outstanding.length === 1 ? '1 item is' : `${String(outstanding.length)} items are`;
    return err('conflict', `Cannot sign off ${describeCase(leaverCase)}: ${count} still outstanding: ${outstanding.map(describeItem).join(', ')}`);
  }
  if (context.today < leaverCase.leavingDate) {
    return err(
      'conflict',
      `${leaverCase.personName} leaves on ${formatDate(leaverCase.leavingDate)}: sign off on or after that day, because signing off disables their account at once`,
    );
  }
  const signedOff: LeaverCase = { ...leaverCase, status: 'signed_off', statusSetBy: context.actor.personId, statusSetByName: context.actor.name, statusSetAt: context.at };
  return outcome(signedOff, signOffEffects(leaverCase));
}
