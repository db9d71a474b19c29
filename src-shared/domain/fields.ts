import { z } from 'zod';

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
