import { isCalendarDate } from '../calendar-date';
import { daysBetween, formatDate } from '../travel/trip-dates';

/**
 * The bounds on a leaving date, given today's date in the UK (worked out by the caller: nothing here reads a clock).
 *
 * Up to 90 days back: cases are often opened late (the manager hears after the fact, or the person is found at the
 * quarterly reconciliation of the register), and 90 days covers a full notice period missed plus one quarter's cycle.
 * A date years back is either a typing slip (2015 for 2025) or someone long gone, whose kit is a register audit and a
 * write-off, not an exit procedure to run with them. The escalation clock would also start long expired.
 *
 * Up to a year ahead: notice periods in the Civil Service run to three months, and retirements and the end of
 * fixed-term contracts are known further ahead; beyond a year is a typing slip (2062 for 2026), and a case open that
 * long would hold the person in "leaving" for no reason.
 */
export const LEAVING_DATE_MAX_DAYS_AGO = 90;
export const LEAVING_DATE_MAX_DAYS_AHEAD = 366;

/** "3 years ago", "120 days ago": how far back, in words a person takes in at a glance. */
function howLongAgo(days: number): string {
  if (days >= 365) {
    const years = Math.floor(days / 365);
    return `${String(years)} ${years === 1 ? 'year' : 'years'} ago`;
  }
  return `${String(days)} days ago`;
}

/** Why `date` cannot be a leaving date, or null when it can. */
export function leavingDateProblem(date: string, today: string): string | null {
  if (date.trim() === '') return 'Enter the leaving date';
  if (!isCalendarDate(date)) return 'The leaving date must be a real date, for example 2026-03-27';
  const ahead = daysBetween(today, date);
  if (-ahead > LEAVING_DATE_MAX_DAYS_AGO) {
    return `The leaving date must be within the last ${String(LEAVING_DATE_MAX_DAYS_AGO)} days: ${formatDate(date)} is ${howLongAgo(-ahead)} (today is ${formatDate(today)}). For someone who left earlier, ask the IT service desk to reconcile their equipment in the register`;
  }
  if (ahead > LEAVING_DATE_MAX_DAYS_AHEAD) {
    return `The leaving date must be within a year from today (${formatDate(today)}): ${formatDate(date)} is too far ahead. Open the case nearer the time`;
  }
  return null;
}
