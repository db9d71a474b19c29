import { describeMoment } from '../asset-lifecycle';
import type { LeaverMutatorName } from './leaver-mutators';

/**
 * The leaver case lifecycle: the only way a case's status changes. Each command is applied by one intent-level mutator
 * (the `mutator` column); a command not allowed from the current status is refused, naming that status, who set it and
 * when. Signed off and cancelled are final.
 *
 *   open ─signOff (every item resolved, on or after the leaving date)─▶ signed_off
 *   open ─cancel (the person is staying)─▶ cancelled
 *   open ─changeLeavingDate, and every item command─▶ open
 *
 * Cancelled exists because people do stay: a resignation is withdrawn, a fixed-term contract is extended. Without it the
 * only way to close such a case would be a sign-off, which disables the account of someone still working. A cancelled
 * case leaves what was recorded on it standing (kit that came back stays back); a later departure opens a new case.
 *
 * Overdue and escalated are not statuses: they follow from the leaving date, today and the working-day calendar
 * (escalation.ts), so they can never be stale and need no write (nor a sync) when a day passes.
 */
export const CASE_STATUSES = {
  open: 'Open',
  signed_off: 'Signed off',
  cancelled: 'Cancelled: not leaving',
} as const;

export type CaseStatus = keyof typeof CASE_STATUSES;

export const CASE_STATUS_VALUES = Object.keys(CASE_STATUSES) as [CaseStatus, ...CaseStatus[]];

export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['signed_off', 'cancelled'];

/**
 * Who may take each step, as the domain sees it; nobody acts on their own case, whatever roles they hold.
 *   line_manager – holds the line manager role and is above the leaver in the line-management chain (the direct
 *                  manager, or a manager above them: escalation goes to the manager's manager, who must be able to act);
 *   admin        – holds the admin role (the "HR/admin": Custodian has no HR role of its own);
 *   service_desk – holds the IT service desk role: the desk receives kit and cancels cards and accounts, but decisions
 *                  about money (cost recovery, write-offs), about whether a step applies, and the sign-off stay with the
 *                  manager or an administrator.
 */
export type LeaverParty = 'line_manager' | 'admin' | 'service_desk';

interface CaseTransition {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  readonly verb: string;
  readonly by: readonly LeaverParty[];
  readonly mutator: LeaverMutatorName;
}

const MANAGERS: readonly LeaverParty[] = ['line_manager', 'admin'];
const ANYONE_WHO_HANDLES_KIT: readonly LeaverParty[] = ['line_manager', 'admin', 'service_desk'];

export const CASE_TRANSITIONS = {
  changeLeavingDate: { from: ['open'], to: 'open', verb: 'change the leaving date of', by: MANAGERS, mutator: 'leaver.changeLeavingDate' },
  recordReturn: { from: ['open'], to: 'open', verb: 'record a return on', by: ANYONE_WHO_HANDLES_KIT, mutator: 'leaver.recordReturn' },
  recordTransfer: { from: ['open'], to: 'open', verb: 'record a transfer on', by: ANYONE_WHO_HANDLES_KIT, mutator: 'leaver.recordTransfer' },
  markMissing: { from: ['open'], to: 'open', verb: 'mark equipment missing on', by: MANAGERS, mutator: 'leaver.markMissing' },
  writeOff: { from: ['open'], to: 'open', verb: 'write off equipment on', by: MANAGERS, mutator: 'leaver.writeOff' },
  completeStep: { from: ['open'], to: 'open', verb: 'complete a step of', by: ANYONE_WHO_HANDLES_KIT, mutator: 'leaver.completeStep' },
  markStepNotApplicable: { from: ['open'], to: 'open', verb: 'mark a step not applicable on', by: MANAGERS, mutator: 'leaver.markStepNotApplicable' },
  signOff: { from: ['open'], to: 'signed_off', verb: 'sign off', by: MANAGERS, mutator: 'leaver.signOff' },
  cancel: { from: ['open'], to: 'cancelled', verb: 'cancel', by: MANAGERS, mutator: 'leaver.cancelCase' },
} as const satisfies Record<string, CaseTransition>;

export type CaseCommand = keyof typeof CASE_TRANSITIONS;

export const CASE_COMMANDS = Object.keys(CASE_TRANSITIONS) as [CaseCommand, ...CaseCommand[]];

/** Who may open a case: the same people who may sign one off. */
export const OPEN_CASE_PARTIES: readonly LeaverParty[] = MANAGERS;

export function canApplyToCase(command: CaseCommand, status: CaseStatus): boolean {
  return (CASE_TRANSITIONS[command].from as readonly CaseStatus[]).includes(status);
}

/** The commands a person could take on a case in `status` (what the case page offers, before who may). */
export function caseCommandsFrom(status: CaseStatus): CaseCommand[] {
  return CASE_COMMANDS.filter((command) => canApplyToCase(command, status));
}

export interface CaseStatusStamp {
  /** "Jo Bloggs's leaver case (leaving 31 Mar 2026)" (describeCase). */
  readonly leaverCase: string;
  readonly status: CaseStatus;
  /** Display name of who set the status, or null when set before anyone signed in on this desktop. */
  readonly setByName: string | null;
  readonly setAt: string;
}

/** "Cannot record a return on Jo Bloggs's leaver case (…): its status is “Signed off”, which is final (set by Meg Manager on …)". */
export function caseRefusalMessage(command: CaseCommand, stamp: CaseStatusStamp): string {
  const who = stamp.setByName === null ? 'on this desktop' : `by ${stamp.setByName}`;
  const final = FINAL_CASE_STATUSES.includes(stamp.status) ? ', which is final' : '';
  return `Cannot ${CASE_TRANSITIONS[command].verb} ${stamp.leaverCase}: its status is “${CASE_STATUSES[stamp.status]}”${final} (set ${who} on ${describeMoment(stamp.setAt)})`;
}
