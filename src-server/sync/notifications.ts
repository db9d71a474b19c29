import type { Queryable } from '../db/database';

/**
 * One NOTIFY channel per database schema carries everything API instances must hear from each other: "the synced
 * data changed" (poke every client) and "these sessions were revoked" (close their poke streams). NOTIFY is
 * transactional: it is delivered when the transaction commits, and never if it rolls back. The channel is named after
 * the schema, so test files (and deployments) sharing one PostgreSQL database in separate schemas do not hear each other.
 */
export const CHANNEL_SQL = `'custodian_' || left(md5(current_schema()), 16)`;

const CHANNEL_SHAPE = /^custodian_[0-9a-f]{16}$/;

export async function notificationChannel(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ channel: string }>(`SELECT ${CHANNEL_SQL} AS channel`);
  const channel = rows[0]?.channel ?? '';
  // The name is spliced into LISTEN (which takes no parameters): it must be exactly what we made.
  if (!CHANNEL_SHAPE.test(channel)) throw new Error('Unexpected notification channel name');
  return channel;
}

export type SyncNotification =
  | { readonly kind: 'changed' }
  | { readonly kind: 'session_revoked'; readonly sessionId: string }
  | { readonly kind: 'sessions_revoked'; readonly personId: string };

export const CHANGED_PAYLOAD = 'changed';

export function parseNotification(payload: string): SyncNotification | undefined {
  if (payload === CHANGED_PAYLOAD) return { kind: 'changed' };
  if (payload.startsWith('session:')) return { kind: 'session_revoked', sessionId: payload.slice('session:'.length) };
  if (payload.startsWith('person:')) return { kind: 'sessions_revoked', personId: payload.slice('person:'.length) };
  return undefined;
}

/** Inside the revoking transaction: every instance closes the poke streams of this session once it commits. */
export async function notifySessionRevoked(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query(`SELECT pg_notify(${CHANNEL_SQL}, $1)`, [`session:${sessionId}`]);
}

/** Inside the revoking transaction: every instance re-checks this person's poke streams once it commits. */
export async function notifySessionsRevoked(tx: Queryable, personId: string): Promise<void> {
  await tx.query(`SELECT pg_notify(${CHANNEL_SQL}, $1)`, [`person:${personId}`]);
}
