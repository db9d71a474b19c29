import { addDays } from '../travel/trip-dates';
import { isBankHoliday } from './bank-holidays';

/**
 * Working days: Monday to Friday, except bank holidays in England and Wales (bank-holidays.ts). Dates are YYYY-MM-DD
 * calendar dates, read at UTC midnight, so no time zone or clock change can move a day.
 */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/** The `count`th working day after `date` (count ≥ 1): addWorkingDays(Friday, 1) is the next Monday, if it is not a holiday. */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  for (let found = 0; found < count; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) found += 1;
  }
  return day;
}

/** How many working days fall after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
