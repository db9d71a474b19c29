import { penceToPounds } from '../src-shared/domain/money';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const MOMENT_TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

/** "27 March 2024" for a calendar date (YYYY-MM-DD), GOV.UK style. */
export function formatDate(calendarDate: string): string {
  const time = Date.parse(`${calendarDate}T00:00:00Z`);
  return Number.isNaN(time) ? calendarDate : DATE.format(time);
}

/** "27 March 2024 at 2:05pm" for a moment, in UK time, GOV.UK style. */
export function formatMoment(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${MOMENT_DATE.format(time)} at ${MOMENT_TIME.format(time).replace(/\s/g, '').toLowerCase()}`;
}

export function formatPounds(pence: number): string {
  return penceToPounds(pence);
}

export function formatCount(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
