import { z } from 'zod';
import { AUTH_ERROR_CODES, type AuthErrorCode } from '../../../src-shared/auth/auth-error-codes';
import { recordId } from '../../../src-shared/domain/fields';
import type { ErrorCode } from '../../../src-shared/result';
import { SYNC_ERROR_CODES, type SyncErrorCode } from '../../../src-shared/sync/error-codes';
import { documentedAs } from './openapi-hints';

/**
 * Error codes this API answers with: the shared ones (rate_limited is the 429 of sign-in throttling), the refused
 * session's account_disabled, and the sync ones.
 */
export type ApiErrorCode = ErrorCode | AuthErrorCode | SyncErrorCode;

export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'conflict',
  'not_found',
  'forbidden',
  'unauthorised',
  'payload_too_large',
  'rate_limited',
  'store_unavailable',
  'internal',
  ...AUTH_ERROR_CODES,
  ...SYNC_ERROR_CODES,
] as const satisfies readonly ApiErrorCode[];

/** Every failure, on every route: the same shape as src-shared/result.ts's error values. */
export const errorSchema = z
  .strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(API_ERROR_CODES),
      message: z.string().meta({ description: 'What went wrong, written for a person to act on.' }),
      fields: z.record(z.string(), z.string()).meta({ description: 'Per-field messages keyed by field name or path; empty when no field is at fault.' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error response: a code, a message, and per-field messages.' });

/** Success: `{ ok: true, value }`. */
export function envelope<V extends z.ZodType>(value: V) {
  return z.strictObject({ ok: z.literal(true), value });
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** One value of a query parameter: repeated parameters arrive as arrays and are refused with this message. */
function single(name: string) {
  return z.string({ error: `Give ${name} once, as text` });
}

const limit = single('limit')
  .regex(/^[0-9]{1,6}$/, { error: `limit must be a whole number from 1 to ${String(MAX_PAGE_SIZE)}` })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, { error: 'limit must be at least 1' })
      .max(MAX_PAGE_SIZE, { error: `limit must be ${String(MAX_PAGE_SIZE)} or fewer` }),
  )
  .optional()
  .transform((value) => value ?? DEFAULT_PAGE_SIZE);
documentedAs.add(limit, {
  jsonSchema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Items per page.' },
});

const after = z
  .uuid({ error: 'after must be the nextCursor of the previous page' })
  .optional()
  .meta({ description: 'Continue after this item: pass the previous page’s nextCursor.' });

/** Keyset paging: stable under inserts, and as cheap for the ten-thousandth page as for the first. */
export const pageQuery = { limit, after };

export function page<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: z.uuid().nullable().meta({ description: 'Pass as `after` for the next page; null on the last page.' }),
  });
}

/** A query-string filter that must be one of a list. */
export function enumFilter<const V extends readonly [string, ...string[]]>(name: string, values: V) {
  return z.enum(values, { error: `${name} must be one of: ${values.join(', ')}` }).optional();
}

/** A query-string or path parameter holding a record id. */
export function idParam(name: string) {
  return recordId(name).meta({ description: `The ${name}'s id (a UUID).` });
}

export const isoTimestamp = z.iso.datetime();
export const calendarDate = z.iso.date();
