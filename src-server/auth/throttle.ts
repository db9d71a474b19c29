import { createHash } from 'node:crypto';
import type { ThrottleLimit } from '../config/server-config';
import type { Queryable } from '../db/database';
import { integer, isoTime } from '../db/rows';

/**
 * Counting failed attempts in the database, not in memory: API instances are stateless and a client could
 * otherwise spread its guesses across them. Keys are digests ("account:<email>", "address:<ip>"), so the table
 * holds no email or IP addresses. Fixed windows: a key's window opens at its first failure and the count starts
 * again once it has passed.
 */
export interface ThrottleKey {
  readonly hash: string;
  readonly limit: ThrottleLimit;
}

export function throttleKey(kind: string, value: string, limit: ThrottleLimit): ThrottleKey {
  return { hash: createHash('sha256').update(`${kind}:${value}`).digest('hex'), limit };
}

export type ThrottleState = { readonly blocked: false } | { readonly blocked: true; readonly retryAfterSeconds: number };

/** Blocked when any key has used up its failures and its window has not yet ended; says for how long. */
export async function checkThrottle(db: Queryable, keys: readonly ThrottleKey[], now: Date): Promise<ThrottleState> {
  const { rows } = await db.query<{ key_hash: string; window_started_at: unknown; failures: unknown }>(
    'SELECT key_hash, window_started_at, failures FROM sign_in_throttle WHERE key_hash = ANY($1::text[])',
    [keys.map((key) => key.hash)],
  );
  let wait = 0;
  for (const row of rows) {
    const key = keys.find((k) => k.hash === row.key_hash);
    if (!key) continue;
    const endsAt = Date.parse(isoTime(row.window_started_at)) + key.limit.windowSeconds * 1000;
    if (integer(row.failures) >= key.limit.maxFailures && endsAt > now.getTime()) {
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
    }
  }
  return wait > 0 ? { blocked: true, retryAfterSeconds: wait } : { blocked: false };
}

/** Counts one failure against each key, atomically (two instances failing at once both count). */
export async function recordFailure(db: Queryable, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  for (const key of keys) {
    await db.query(
      `INSERT INTO sign_in_throttle AS t (key_hash, window_started_at, failures) VALUES ($1, $2::timestamptz, 1)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $2::timestamptz - make_interval(secs => $3) THEN $2::timestamptz ELSE t.window_started_at END`,
      [key.hash, now.toISOString(), key.limit.windowSeconds],
    );
  }
  // Windows long over hold nothing useful: sweep them as we go, so the table stays small without a scheduler.
  const longest = Math.max(...keys.map((key) => key.limit.windowSeconds));
  await db.query('DELETE FROM sign_in_throttle WHERE window_started_at < $1::timestamptz - make_interval(secs => $2)', [now.toISOString(), longest]);
}

export async function clearThrottle(db: Queryable, key: ThrottleKey): Promise<void> {
  await db.query('DELETE FROM sign_in_throttle WHERE key_hash = $1', [key.hash]);
}
