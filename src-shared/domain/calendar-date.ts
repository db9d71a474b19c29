/** True for a real calendar date written YYYY-MM-DD: 2024-02-29 yes, 2023-02-29 and 2024-02-31 no. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date (UTC) of an ISO timestamp. */
export function dateOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in the UK (YYYY-MM-DD) at an ISO moment: what "today" means to the person filling in a form, so
 * "not in the future" accepts the date they see on their calendar at 00:30 in British Summer Time.
 */
export function ukDateOf(isoTimestamp: string): string {
  return UK_DATE.format(new Date(isoTimestamp));
}
