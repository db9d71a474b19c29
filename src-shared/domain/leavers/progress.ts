import type { ChecklistItem } from './checklist-item';
import { isResolved } from './checklist-item';
import type { CaseStatus } from './case-lifecycle';
import { escalation } from './escalation';
import type { LeaverCase } from './leaver-case';

/** Progress on one case, and across the cases a manager sees (their team's), given today. */

export interface CaseProgress {
  readonly resolved: number;
  readonly total: number;
  readonly outstanding: readonly ChecklistItem[];
}

export function caseProgress(leaverCase: LeaverCase): CaseProgress {
  const outstanding = leaverCase.items.filter((item) => !isResolved(item));
  return { resolved: leaverCase.items.length - outstanding.length, total: leaverCase.items.length, outstanding };
}

/**
 * Where a case stands, for badges and sorting: the final statuses as they are; an open case escalated, overdue, ready
 * for sign-off (nothing outstanding), or in progress. Ready for sign-off is never overdue: overdue is about kit and
 * steps, and a case waiting only for its sign-off has none outstanding.
 */
export type CaseStanding = Exclude<CaseStatus, 'open'> | 'escalated' | 'overdue' | 'ready_for_sign_off' | 'in_progress';

export const CASE_STANDINGS: Readonly<Record<CaseStanding, string>> = {
  escalated: 'Escalated',
  overdue: 'Overdue',
  in_progress: 'In progress',
  ready_for_sign_off: 'Ready for sign-off',
  signed_off: 'Signed off',
  cancelled: 'Cancelled',
};

/** Most urgent first: the order of CASE_STANDINGS. */
const URGENCY = Object.keys(CASE_STANDINGS) as CaseStanding[];

export function caseStanding(leaverCase: LeaverCase, today: string): CaseStanding {
  if (leaverCase.status !== 'open') return leaverCase.status;
  const state = escalation(leaverCase, [], today);
  if (state.escalated) return 'escalated';
  if (state.overdue) return 'overdue';
  return caseProgress(leaverCase).outstanding.length === 0 ? 'ready_for_sign_off' : 'in_progress';
}

export interface TeamCaseRow {
  readonly leaverCase: LeaverCase;
  readonly standing: CaseStanding;
  readonly progress: CaseProgress;
}

export interface TeamProgress {
  /** Most urgent first, then by leaving date, then by name. */
  readonly rows: readonly TeamCaseRow[];
  readonly counts: Readonly<Record<CaseStanding, number>>;
  /** Items across the open cases only: closed cases say nothing about work still to do. */
  readonly openItemsResolved: number;
  readonly openItemsTotal: number;
}

/** Progress across the cases a manager may see (the caller chooses them: their reports' cases, by visibility). */
export function teamProgress(cases: readonly LeaverCase[], today: string): TeamProgress {
  const rows = cases.map((leaverCase) => ({ leaverCase, standing: caseStanding(leaverCase, today), progress: caseProgress(leaverCase) }));
  rows.sort(
    (a, b) =>
      URGENCY.indexOf(a.standing) - URGENCY.indexOf(b.standing) ||
      a.leaverCase.leavingDate.localeCompare(b.leaverCase.leavingDate) ||
      a.leaverCase.personName.localeCompare(b.leaverCase.personName, 'en-GB'),
  );
  const counts = Object.fromEntries(URGENCY.map((standing) => [standing, rows.filter((row) => row.standing === standing).length])) as Record<CaseStanding, number>;
  const open = rows.filter((row) => row.leaverCase.status === 'open');
  return {
    rows,
    counts,
    openItemsResolved: open.reduce((sum, row) => sum + row.progress.resolved, 0),
    openItemsTotal: open.reduce((sum, row) => sum + row.progress.total, 0),
  };
}
