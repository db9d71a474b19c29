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
