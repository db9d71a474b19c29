const HOUR_MS = 60 * 60 * 1000;

/** Whole hours from `since` to `now` (ISO timestamps), never negative (a desktop clock set back). */
export function ageHours(since: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / HOUR_MS));
}
