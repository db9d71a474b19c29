import { isCalendarDate } from '../../domain/calendar-date';

export type ParsedDate = { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** UK order, as Excel writes dates for a UK locale: 27/03/2024 (leading zeros optional). */
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Snipe-IT writes some dates as timestamps; the time of day means nothing for a purchase date. */
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/;

interface DateOptions {
  /** Lower-case noun phrase for messages, e.g. "purchase date". */
  readonly label: string;
  readonly allowTime?: boolean;
}

/**
 * A date written YYYY-MM-DD or DD/MM/YYYY, strictly: 31/02/2024 and 2023-02-29 are errors, not rolled over to March
 * the way JavaScript's Date would. Empty means "not given". Returns the ISO form the store keeps.
 */
export function parseImportDate(text: string, { label, allowTime = false }: DateOptions): ParsedDate {
  if (text === '') return { ok: true, value: null };
  const withoutTime = allowTime ? (ISO_WITH_TIME.exec(text)?.[1] ?? text) : text;
  let iso: string | null = null;
  if (ISO.test(withoutTime)) iso = withoutTime;
  const uk = UK.exec(withoutTime);
  if (uk) iso = `${uk[3] ?? ''}-${(uk[2] ?? '').padStart(2, '0')}-${(uk[1] ?? '').padStart(2, '0')}`;
  if (iso === null) {
    return { ok: false, message: `Write the ${label} as a date like 2024-03-27 or 27/03/2024, not "${text.slice(0, 40)}"` };
  }
  if (!isCalendarDate(iso)) return { ok: false, message: `The ${label} ${text} is not a real date` };
  return { ok: true, value: iso };
}
