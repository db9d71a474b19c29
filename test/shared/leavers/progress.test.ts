import { describe, expect, it } from 'vitest';
import { escalatesOn, escalation, ESCALATION_WORKING_DAYS } from '../../../src-shared/domain/leavers/escalation';
import { caseProgress, caseStanding, teamProgress } from '../../../src-shared/domain/leavers/progress';
import type { LeaverCase } from '../../../src-shared/domain/leavers/leaver-case';
import { allResolved, CASE_ID, CHAIN, LAPTOP, MANAGER, newCase, PHONE, ref, SENIOR, uuid, withItemIn } from './fixtures';

/** Lee leaves on Friday 13 March 2026 (LEAVING_DATE), holding a laptop, a phone and a smartcard. */
describe('progress on a case', () => {
  it('counts resolved items against the total', () => {
    expect(caseProgress(newCase())).toMatchObject({ resolved: 0, total: 9 });
    const some = withItemIn(withItemIn(newCase(), `asset:${LAPTOP.assetId}`, 'returned'), `asset:${PHONE.assetId}`, 'missing');
    const progress = caseProgress(some);
    expect(progress).toMatchObject({ resolved: 2, total: 9 });
    expect(progress.outstanding).toHaveLength(7);
  });
});

describe('overdue and escalation', () => {
  it('is not overdue on the leaving date itself, and is the day after', () => {
    expect(escalation(newCase(), CHAIN, '2026-03-13')).toMatchObject({ overdue: false, overdueFrom: '2026-03-14', daysOverdue: 0, workingDaysOverdue: 0, escalated: false });
    expect(escalation(newCase(), CHAIN, '2026-03-14')).toMatchObject({ overdue: true, daysOverdue: 1, workingDaysOverdue: 0, escalated: false });
  });

  it('escalates on the sixth working day after the leaving date, once five working days have passed overdue', () => {
    expect(ESCALATION_WORKING_DAYS).toBe(5);
    expect(escalatesOn('2026-03-13')).toBe('2026-03-23'); // Friday → the Monday after next
    expect(escalation(newCase(), CHAIN, '2026-03-20')).toMatchObject({ overdue: true, workingDaysOverdue: 5, escalated: false });
    expect(escalation(newCase(), CHAIN, '2026-03-21')).toMatchObject({ workingDaysOverdue: 5, escalated: false }); // the weekend
    expect(escalation(newCase(), CHAIN, '2026-03-23')).toMatchObject({ overdue: true, daysOverdue: 10, workingDaysOverdue: 6, escalatesOn: '2026-03-23', escalated: true });
  });

  it('skips bank holidays when counting', () => {
    // Leaving on Maundy Thursday 2026: Good Friday and Easter Monday do not count.
    expect(escalatesOn('2026-04-02')).toBe('2026-04-14');
    // Leaving on Wednesday 23 December 2026: Christmas Day, the Boxing Day substitute and New Year's Day do not count.
    expect(escalatesOn('2026-12-23')).toBe('2027-01-05');
  });

  it('goes to the manager’s manager, or to the administrators when there is nobody above the manager', () => {
    expect(escalation(newCase(), CHAIN, '2026-03-23').escalateTo).toEqual(ref(SENIOR));
    expect(escalation(newCase(), [ref(MANAGER)], '2026-03-23').escalateTo).toBeNull();
    expect(escalation(newCase(), [], '2026-03-23').escalateTo).toBeNull();
  });

  it('needs something outstanding, on an open case', () => {
    const done = allResolved(newCase());
    expect(escalation(done, CHAIN, '2026-04-30')).toMatchObject({ overdue: false, escalated: false });
    expect(escalation({ ...newCase(), status: 'cancelled' }, CHAIN, '2026-04-30')).toMatchObject({ overdue: false, escalated: false });
    expect(escalation({ ...newCase(), status: 'signed_off' }, CHAIN, '2026-04-30').overdue).toBe(false);
  });

  it('follows a moved leaving date', () => {
    const moved = { ...newCase(), leavingDate: '2026-03-27' };
    // Good Friday and Easter Monday fall in the five days.
    expect(escalation(moved, CHAIN, '2026-03-23')).toMatchObject({ overdue: false, escalatesOn: '2026-04-08' });
  });
});

describe('progress across a team', () => {
  function leaverCase(n: number, name: string, leavingDate: string, changes: (c: LeaverCase) => LeaverCase = (c) => c): LeaverCase {
    return changes({ ...newCase(), id: uuid(950 + n), personId: uuid(50 + n), personName: name, leavingDate });
  }

  it('shows where each case stands, most urgent first, and counts items on the open cases', () => {
    const today = '2026-03-23';
    const cases = [
      leaverCase(1, 'Ann Early', '2026-04-10'),
      leaverCase(2, 'Bob Done', '2026-03-01', (c) => ({ ...allResolved(c), status: 'signed_off' })),
      leaverCase(3, 'Cat Late', '2026-03-13'),
      leaverCase(4, 'Dan Ready', '2026-03-13', allResolved),
      leaverCase(5, 'Eve Overdue', '2026-03-20'),
      leaverCase(6, 'Fay Staying', '2026-03-01', (c) => ({ ...c, status: 'cancelled' })),
      leaverCase(7, 'Abe Late', '2026-03-13'),
    ];
    const team = teamProgress(cases, today);
    expect(team.rows.map((row) => [row.leaverCase.personName, row.standing])).toEqual([
      ['Abe Late', 'escalated'],
      ['Cat Late', 'escalated'],
      ['Eve Overdue', 'overdue'],
      ['Ann Early', 'in_progress'],
      ['Dan Ready', 'ready_for_sign_off'],
      ['Bob Done', 'signed_off'],
      ['Fay Staying', 'cancelled'],
    ]);
    expect(team.counts).toEqual({ escalated: 2, overdue: 1, in_progress: 1, ready_for_sign_off: 1, signed_off: 1, cancelled: 1 });
    // Five open cases of nine items each; only Dan's are resolved.
    expect(team).toMatchObject({ openItemsResolved: 9, openItemsTotal: 45 });
    expect(caseStanding(cases[0] ?? newCase(), today)).toBe('in_progress');
  });

  it('is empty for a manager with no leavers', () => {
    expect(teamProgress([], '2026-03-23')).toMatchObject({ rows: [], openItemsResolved: 0, openItemsTotal: 0, counts: { escalated: 0, overdue: 0 } });
    expect(CASE_ID).toBe(newCase().id);
  });
});
