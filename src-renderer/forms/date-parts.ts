import { isCalendarDate } from '../../src-shared/domain/calendar-date';

/** What the three boxes of a GOV.UK date input hold, as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export type CombinedDate = { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly message: string };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listParts(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * Day, month and year boxes → `YYYY-MM-DD`, with GOV.UK's error wording ("Purchase date must include a month",
 * "… must be a real date"). All three empty is "not given" (null), unless the date is required.
 */
export function combineDateParts(parts: DateParts | undefined, label: string, options: { readonly required?: boolean } = {}): CombinedDate {
  const day = (parts?.day ?? '').trim();
  const month = (parts?.month ?? '').trim();
  const year = (parts?.year ?? '').trim();
  const Label = capitalise(label);
  if (day === '' && month === '' && year === '') {
    return options.required ? { ok: false, message: `Enter the ${label}` } : { ok: true, value: null };
  }
  const missing = [day === '' ? 'a day' : null, month === '' ? 'a month' : null, year === '' ? 'a year' : null].filter(
    (name): name is string => name !== null,
  );
  if (missing.length > 0) return { ok: false, message: `${Label} must include ${listParts(missing)}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
    return { ok: false, message: `${Label} must be a real date` };
  }
  if (year.length !== 4) return { ok: false, message: 'Year must include 4 numbers' };
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isCalendarDate(value)) return { ok: false, message: `${Label} must be a real date` };
  return { ok: true, value };
}

/** Today's calendar date in the UK, YYYY-MM-DD. */
export function todayInUk(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
