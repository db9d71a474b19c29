import type { Queryable } from '../db/database';
import { integer } from '../db/rows';
import { CHANGED_PAYLOAD, CHANNEL_SQL } from './notifications';

/**
 * The sync version (db/central/0002_sync.sql, sync_head). Every transaction that writes a synced table locks the
 * head row before it reads or writes anything, stamps its rows with head + 1 and stores that number: transactions take
 * turns on the row, so versions are handed out in commit order. Lock order everywhere: sync_head, then audit_head.
 */

/** Locks the head until the transaction ends and returns the version the last writer stored. */
export async function lockSyncHead(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ version: unknown }>('SELECT version FROM sync_head WHERE singleton FOR UPDATE');
  const head = rows[0];
  if (!head) throw new Error('The sync head row is missing; the database was not migrated');
  return integer(head.version);
}

/** Stores the transaction's version (taken under lockSyncHead) and pokes every instance when it commits. */
export async function publishSyncVersion(tx: Queryable, version: number): Promise<void> {
  await tx.query(`UPDATE sync_head SET version = $1 WHERE singleton RETURNING pg_notify(${CHANNEL_SQL}, $2)`, [version, CHANGED_PAYLOAD]);
}

/**
 * For writers of synced tables outside a push (the bootstrap command, future admin routes): locks the head, takes the
 * next version and pokes, in one statement. Stamp every row the transaction writes with the version returned.
 */
export async function nextSyncVersion(tx: Queryable): Promise<number> {
  const { rows } = await tx.query<{ version: unknown }>(
    `UPDATE sync_head SET version = version + 1 WHERE singleton RETURNING version, pg_notify(${CHANNEL_SQL}, $1)`,
    [CHANGED_PAYLOAD],
  );
  const head = rows[0];
  if (!head) throw new Error('The sync head row is missing; the database was not migrated');
  return integer(head.version);
}
