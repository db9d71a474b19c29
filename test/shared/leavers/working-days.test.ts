import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_YEARS, bankHolidaysKnownFor, ENGLAND_AND_WALES_BANK_HOLIDAYS, isBankHoliday } from '../../../src-shared/domain/leavers/bank-holidays';
import { addWorkingDays, isWorkingDay, workingDaysAfter } from '../../../src-shared/domain/leavers/working-days';

/**
 * An independent check of the bank holiday table: the standing rules for England and Wales (New Year's Day, Good Friday,
 * Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas and Boxing Day, with weekday
 * substitutes) computed from scratch, Easter by the anonymous Gregorian algorithm. A one-off holiday would make a year
 * differ; none is proclaimed for the years the table holds.
 */
function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function firstMonday(year: number, month: number): string {
  let day = iso(year, month, 1);
  while (weekday(day) !== 1) day = shift(day, 1);
  return day;
}

function lastMonday(year: number, month: number): string {
  let day = shift(iso(year, month + 1, 1), -1);
  while (weekday(day) !== 1) day = shift(day, -1);
  return day;
}

/** The next weekday on or after `date` not already taken. */
function substitute(date: string, taken: readonly string[]): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6 || taken.includes(day)) day = shift(day, 1);
  return day;
}

function ruleBasedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const newYear = substitute(iso(year, 1, 1), []);
  const christmas = substitute(iso(year, 12, 25), []);
  const boxingDay = substitute(iso(year, 12, 26), [christmas]);
  return [newYear, shift(easter, -2), shift(easter, 1), firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8), christmas, boxingDay];
}

describe('bank holidays in England and Wales', () => {
  it('match the standing rules for every year the table holds', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    const years = Object.keys(ENGLAND_AND_WALES_BANK_HOLIDAYS).map(Number);
    expect(years).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(BANK_HOLIDAY_YEARS).toEqual({ first: 2024, last: 2028 });
    for (const year of years) expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[year], String(year)).toEqual(ruleBasedHolidays(year));
  });

  it('include the substitute days', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true); // Boxing Day 2026 is a Saturday
    expect(isBankHoliday('2026-12-26')).toBe(false);
    expect(['2027-12-27', '2027-12-28', '2028-01-03'].every(isBankHoliday)).toBe(true);
  });

  it('say which years they cover; outside them only weekends are known', () => {
    expect(bankHolidaysKnownFor('2024-01-01')).toBe(true);
    expect(bankHolidaysKnownFor('2028-12-31')).toBe(true);
    expect(bankHolidaysKnownFor('2023-12-31')).toBe(false);
    expect(bankHolidaysKnownFor('2029-01-01')).toBe(false);
    expect(isWorkingDay('2029-12-25')).toBe(true); // not in the table: a weekday like any other
  });
});

describe('working days', () => {
  it('are Monday to Friday, except bank holidays', () => {
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map(isWorkingDay)).toEqual([true, true, true, true, true]);
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
  });

  it('are counted forward over weekends and holidays', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-13', 5)).toBe('2026-03-20');
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Maundy Thursday → the Tuesday after Easter
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29'); // Christmas, a weekend, and the Boxing Day substitute
    expect(addWorkingDays('2027-12-24', 2)).toBe('2027-12-30');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
  });

  it('are counted between two dates, the later one included', () => {
    expect(workingDaysAfter('2026-03-13', '2026-03-13')).toBe(0);
    expect(workingDaysAfter('2026-03-13', '2026-03-15')).toBe(0); // the weekend
    expect(workingDaysAfter('2026-03-13', '2026-03-16')).toBe(1);
    expect(workingDaysAfter('2026-03-13', '2026-03-20')).toBe(5);
    expect(workingDaysAfter('2026-04-02', '2026-04-10')).toBe(4); // Easter takes two
    expect(workingDaysAfter('2026-03-20', '2026-03-13')).toBe(0);
  });
});
