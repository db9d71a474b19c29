import { describe, expect, it } from 'vitest';
import { openLeaverCase, type OpeningFacts } from '../../../src-shared/domain/leavers/case-opening';
import { LEAVING_DATE_MAX_DAYS_AGO, LEAVING_DATE_MAX_DAYS_AHEAD, leavingDateProblem } from '../../../src-shared/domain/leavers/leaving-date';
import type { LeaverOutcome } from '../../../src-shared/domain/leavers/leaver-effects';
import type { AppError, Result } from '../../../src-shared/result';
import { accepted, ADMIN, CASE_ID, COLLEAGUE, DESK, LAPTOP, LEAVER, MANAGER, newCase, OPENED_AT, OPENED_ON, openingFacts, OTHER_MANAGER, SENIOR, uuid } from './fixtures';

function open(args: Record<string, unknown>, overrides: Partial<OpeningFacts> = {}): Result<LeaverOutcome> {
  return openLeaverCase({ id: CASE_ID, personId: LEAVER.personId, leavingDate: '2026-03-13', ...args }, openingFacts(overrides));
}

function refused(result: Result<LeaverOutcome>): AppError {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('opening a leaver case', () => {
  it('makes an open case from what the person holds, and marks them as leaving', () => {
    const { leaverCase, effects } = accepted(open({}, { held: [LAPTOP] }));
    expect(leaverCase).toMatchObject({
      id: CASE_ID,
      personId: LEAVER.personId,
      personName: 'Lee Leaver',
      leavingDate: '2026-03-13',
      openedBy: { personId: MANAGER.personId, name: 'Meg Manager' },
      openedAt: OPENED_AT,
      status: 'open',
      statusSetByName: 'Meg Manager',
      statusSetAt: OPENED_AT,
      cancellation: null,
      leavingDateChange: null,
    });
    expect(leaverCase.items).toHaveLength(6);
    expect(effects).toEqual([{ kind: 'setPersonStatus', personId: LEAVER.personId, status: 'leaving' }]);
  });

  it('may be opened by the line manager, a manager above them, or an administrator', () => {
    for (const actor of [MANAGER, SENIOR, ADMIN]) expect(open({}, { actor }).ok, actor.name).toBe(true);
  });

  it('may be opened for someone already marked as leaving (by an import, say) who has no case yet', () => {
    expect(open({}, { person: { personId: LEAVER.personId, name: 'Lee Leaver', status: 'leaving' } }).ok).toBe(true);
  });

  it('trims the leaving date as typed', () => {
    expect(accepted(open({ leavingDate: ' 2026-03-13 ' })).leaverCase.leavingDate).toBe('2026-03-13');
  });
});

describe('opening a leaver case: bad input, clear errors, nothing made', () => {
  it('a leaving date in the past by years', () => {
    expect(refused(open({ leavingDate: '2023-02-20' }))).toEqual({
      code: 'invalid_input',
      message:
        'The leaver case has a problem: leavingDate: The leaving date must be within the last 90 days: 20 Feb 2023 is 3 years ago (today is 20 Feb 2026). For someone who left earlier, ask the IT service desk to reconcile their equipment in the register',
      fields: {
        leavingDate:
          'The leaving date must be within the last 90 days: 20 Feb 2023 is 3 years ago (today is 20 Feb 2026). For someone who left earlier, ask the IT service desk to reconcile their equipment in the register',
      },
    });
  });

  it('allows a late case up to 90 days back, and a date up to a year ahead', () => {
    expect(LEAVING_DATE_MAX_DAYS_AGO).toBe(90);
    expect(LEAVING_DATE_MAX_DAYS_AHEAD).toBe(366);
    expect(leavingDateProblem('2025-11-22', OPENED_ON)).toBeNull(); // 90 days back
    expect(leavingDateProblem('2025-11-21', OPENED_ON)).toBe(
      'The leaving date must be within the last 90 days: 21 Nov 2025 is 91 days ago (today is 20 Feb 2026). For someone who left earlier, ask the IT service desk to reconcile their equipment in the register',
    );
    expect(leavingDateProblem(OPENED_ON, OPENED_ON)).toBeNull();
    expect(leavingDateProblem('2027-02-21', OPENED_ON)).toBeNull(); // 366 days ahead
    expect(leavingDateProblem('2027-02-22', OPENED_ON)).toBe('The leaving date must be within a year from today (20 Feb 2026): 22 Feb 2027 is too far ahead. Open the case nearer the time');
    expect(leavingDateProblem('2025-02-20', OPENED_ON)).toMatch(/is 1 year ago/);
  });

  it('a leaving date that is missing or not a real date', () => {
    expect(refused(open({ leavingDate: '' })).fields).toEqual({ leavingDate: 'Enter the leaving date' });
    expect(refused(open({ leavingDate: undefined })).fields).toEqual({ leavingDate: 'Enter the leaving date' });
    expect(refused(open({ leavingDate: '2026-02-30' })).fields).toEqual({ leavingDate: 'The leaving date must be a real date, for example 2026-03-27' });
    expect(refused(open({ leavingDate: '13/03/2026' })).fields).toEqual({ leavingDate: 'The leaving date must be a real date, for example 2026-03-27' });
    expect(leavingDateProblem(' ', OPENED_ON)).toBe('Enter the leaving date');
  });

  it('a case for someone who already left', () => {
    expect(refused(open({}, { person: { personId: LEAVER.personId, name: 'Lee Leaver', status: 'left' } }))).toEqual({
      code: 'invalid_input',
      message: 'The leaver case has a problem: personId: Lee Leaver has already left: their equipment is reconciled in the register, not through a new leaver case',
      fields: { personId: 'Lee Leaver has already left: their equipment is reconciled in the register, not through a new leaver case' },
    });
  });

  it('a case for someone who already has an open case, naming it', () => {
    expect(refused(open({ id: uuid(901) }, { openCase: newCase() })).fields).toEqual({
      personId: 'Lee Leaver already has an open leaver case, opened by Meg Manager on 20 Feb 2026 at 10:00 (leaving 13 Mar 2026): carry on with that case',
    });
  });

  it('every field problem at once', () => {
    const error = refused(open({ leavingDate: '2019-01-01' }, { openCase: newCase() }));
    expect(Object.keys(error.fields)).toEqual(['personId', 'leavingDate']);
    expect(error.message).toMatch(/^The leaver case has 2 problems: personId: .*; leavingDate: /);
  });

  it('someone who is not the line manager or an administrator', () => {
    for (const actor of [COLLEAGUE, OTHER_MANAGER, DESK]) {
      expect(refused(open({}, { actor })), actor.name).toEqual({
        code: 'forbidden',
        message: "Only Lee Leaver's line manager (Meg Manager or a manager above them) or an administrator can open a leaver case for Lee Leaver",
        fields: {},
      });
    }
    // Refused before the facts: a stranger does not learn that the person has an open case.
    expect(refused(open({}, { actor: COLLEAGUE, openCase: newCase() })).code).toBe('forbidden');
  });

  it('opening a case for yourself, whatever your roles', () => {
    const leaverWithRoles = { ...LEAVER, roles: ['staff', 'admin', 'line_manager'] as const };
    expect(refused(open({}, { actor: leaverWithRoles })).message).toBe(
      "You cannot open a leaver case for yourself: only Lee Leaver's line manager (Meg Manager or a manager above them) or an administrator can",
    );
  });

  it('someone not in the directory', () => {
    expect(refused(open({ personId: uuid(999) }))).toEqual({ code: 'not_found', message: 'That person is not in the directory', fields: { personId: 'Choose the leaver from the directory' } });
    expect(refused(open({}, { person: undefined })).code).toBe('not_found');
  });

  it('arguments of the wrong shape', () => {
    const error = refused(openLeaverCase({ id: 'case-1', personId: 42, leavingDate: '2026-03-13', extra: true }, openingFacts()));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ id: 'The leaver case id must be a UUID', personId: 'The person id must be a UUID', extra: 'extra is not a recognised field' });
  });
});
