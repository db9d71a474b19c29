const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD, UTC) `days` days before the moment `asOf` (an ISO timestamp or date). */
export function dateDaysBefore(asOf: string, days: number): string {
  return new Date(Date.parse(asOf) - days * DAY_MS).toISOString().slice(0, 10);
}
