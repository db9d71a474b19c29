/**
 * Calendar-date arithmetic for trips. Dates are YYYY-MM-DD strings (src-shared/domain/calendar-date.ts), which compare
 * correctly as strings; arithmetic goes through UTC midnight so no time zone or clock change can shift a day.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

function utcMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

const DISPLAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "10 Mar 2026": how a person reads a calendar date in a message. */
export function formatDate(date: string): string {
  return DISPLAY.format(new Date(utcMidnight(date)));
}

export interface DatedLeg {
  readonly from: string;
  readonly to: string;
}

/** The first day of a trip: the earliest leg start. Legs are never empty once validated. */
export function tripStart(legs: readonly DatedLeg[]): string {
  return legs.reduce((first, leg) => (leg.from < first ? leg.from : first), legs[0]?.from ?? '');
}

/** The last day of a trip, when the traveller is due back: the latest leg end. */
export function tripEnd(legs: readonly DatedLeg[]): string {
  return legs.reduce((last, leg) => (leg.to > last ? leg.to : last), legs[0]?.to ?? '');
}

/**
 * Two legs overlap when one starts before the other ends. Sharing a single day is not an overlap: you leave France and
 * arrive in Germany on the same day, so one leg's end date may be the next one's start date.
 */
export function legsOverlap(a: DatedLeg, b: DatedLeg): boolean {
  return a.from < b.to && b.from < a.to;
}
