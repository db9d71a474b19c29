import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { isValidImei } from './imei';
import { poundsToPence } from './money';

/**
 * Field builders that give GOV.UK-style messages ("Enter the asset tag", "… must be 32 characters or fewer").
 * Every free-text field has a maximum so an oversized payload is refused with a field error, not stored.
 */
interface TextOptions {
  /** Lower-case noun phrase used in messages, e.g. "asset tag". */
  readonly label: string;
  readonly max: number;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function requiredText({ label, max }: TextOptions) {
  return z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `${capitalise(label)} must be ${String(max)} characters or fewer` });
}

/** An identifier people type and read aloud: trimmed, upper-cased, restricted characters, unique case-insensitively. */
export function identifierCode({ label, max }: TextOptions) {
  return requiredText({ label, max })
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9./-]*$/, {
      error: `${capitalise(label)} must start with a letter or number and use only letters, numbers, hyphens, full stops and slashes`,
    });
}

export function emailAddress() {
  return z
    .string({ error: 'Enter an email address' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Enter an email address' })
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .regex(z.regexes.email, { error: 'Enter an email address in the correct format, like name@example.gov.uk' });
}

export function recordId(label: string) {
  return z.uuid({ error: `The ${label} id must be a UUID` });
}

/** An optional reference to another record: empty string (an unselected <select>) means none. */
export function optionalRecordId(label: string) {
  return z
    .union([z.literal(''), z.null(), z.uuid({ error: `Choose a valid ${label}` })], { error: `Choose a valid ${label}` })
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value));
}

/** Turns an empty (or all-space) optional text into null, so "not given" is stored one way. */
function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

export function optionalText({ label, max }: TextOptions) {
  return z
    .string({ error: `${capitalise(label)} must be text` })
    .max(max, { error: `${capitalise(label)} must be ${String(max)} characters or fewer` })
    .nullish()
    .transform(emptyToNull);
}

export function optionalCalendarDate(label: string) {
  return z
    .string({ error: `${capitalise(label)} must be a date` })
    .max(10, { error: `${capitalise(label)} must be a real date, for example 2024-03-27` })
    .nullish()
    .transform(emptyToNull)
    .refine((value) => value === null || isCalendarDate(value), { error: `${capitalise(label)} must be a real date, for example 2024-03-27` });
}

export function optionalImei() {
  return z
    .string({ error: 'IMEI must be text' })
    .max(40, { error: 'IMEI must be 15 digits' })
    .nullish()
    .transform((value) => emptyToNull(value?.replace(/[\s-]/g, '')))
    .refine((value) => value === null || isValidImei(value), { error: 'IMEI must be 15 digits, as shown by dialling *#06#' });
}

export function optionalPhoneNumber() {
  return z
    .string({ error: 'Phone number must be text' })
    .max(30, { error: 'Phone number must be 30 characters or fewer' })
    .nullish()
    .transform((value) => emptyToNull(value?.replace(/[\s()-]/g, '')))
    .refine((value) => value === null || /^\+?\d{10,15}$/.test(value), {
      error: 'Enter a phone number, like 07700 900 982 or +44 7700 900 982',
    });
}

/** Whole pence, from the store or a mutator's arguments (forms convert pounds with poundsToPence first). */
export function optionalPence(label: string) {
  return z
    .number({ error: `${capitalise(label)} must be a number of pence` })
    .int({ error: `${capitalise(label)} must be a whole number of pence` })
    .min(0, { error: `${capitalise(label)} cannot be negative` })
    .max(100_000_000, { error: `${capitalise(label)} must be £1,000,000 or less` })
    .nullish()
    .transform((value) => value ?? null);
}

/** Pounds as people type them ("1,234.56", "£99") → whole pence; empty means not given. */
export function optionalPounds(label: string) {
  return z
    .string({ error: `${capitalise(label)} must be an amount in pounds` })
    .max(20, { error: `Enter ${label} in pounds and pence, like 1299.99` })
    .nullish()
    .transform((value, ctx) => {
      const text = emptyToNull(value);
      if (text === null) return null;
      const pence = poundsToPence(text);
      if (pence === null) {
        ctx.addIssue({ code: 'custom', message: `Enter ${label} in pounds and pence, like 1299.99, with no minus sign` });
        return z.NEVER;
      }
      return pence;
    });
}
