import { z } from 'zod';
import { SYNCED_TABLES } from '../../../src-shared/sync/protocol';
import { ApiError } from '../../http/errors';

const version = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const fingerprint = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * A pull run in progress: the fixed version window (from, to] being sent (from null: a reset, everything ≤ to), the
 * scope it was computed for, where the next page starts (table index, last id sent), rows sent so far, the total
 * (counted on the run's first page), and the client's last mutation id in the snapshot that fixed `to`.
 */
const runSchema = z.strictObject({
  from: version.nullable(),
  to: version,
  fp: fingerprint,
  t: z.int().min(0).max(SYNCED_TABLES.length),
  after: z.uuid().nullable(),
  done: version,
  total: version.nullable(),
  lm: version,
});

/**
 * What a pull cookie holds (opaque to the client: base64url of this JSON):
 *   v   – cookie format;
 *   c   – the clientId it was issued to (another client's cookie is refused);
 *   at  – the server version the client's committed store reflects (null: nothing yet);
 *   fp  – the scope fingerprint that store was filled for (a different one now means reset);
 *   rj  – the highest rejected mutation id already reported;
 *   run – present while more pages of a run follow.
 * Nothing in it grants anything: every page is filtered by the caller's scope as it is now.
 */
const cookieSchema = z.strictObject({
  v: z.literal(1),
  c: z.uuid(),
  at: version.nullable(),
  fp: fingerprint.nullable(),
  rj: version,
  run: runSchema.optional(),
});

export type PullCookie = z.infer<typeof cookieSchema>;
export type PullRun = z.infer<typeof runSchema>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function badCookie(): ApiError {
  const message = 'The sync cookie is not one this server issued to this client. Pull again with cookie: null to start afresh.';
  return new ApiError('bad_cookie', message, { fields: { cookie: 'Not a cookie from this server for this client' } });
}

export function encodeCookie(cookie: PullCookie): string {
  return Buffer.from(JSON.stringify(cookie), 'utf8').toString('base64url');
}

/** The cookie, checked strictly; anything else is refused with 400 bad_cookie before the database is touched. */
export function decodeCookie(text: string, clientId: string): PullCookie {
  if (!BASE64URL.test(text)) throw badCookie();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCookie();
  }
  const parsed = cookieSchema.safeParse(json);
  if (!parsed.success || parsed.data.c !== clientId.toLowerCase()) throw badCookie();
  return parsed.data;
}
