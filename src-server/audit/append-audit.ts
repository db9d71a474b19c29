import { newId } from '../../src-shared/ids';
import type { Queryable } from '../db/database';
import { integer } from '../db/rows';
import { auditHash } from './audit-hash';
import { toJsonValue } from './canonical-json';

/** One change, as the audit log records it: who, from which client, what, to which record, before and after. */
export interface AuditEntry {
  /** The signed-in person; null for the command line (bootstrap) and the system itself. */
  readonly actorId: string | null;
  /** The desktop installation or other client the change came from ("cli" for the command line). */
  readonly clientId: string | null;
  /** Dotted verb: account.disable, session.sign_in, … */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The record as it was and as it became; null when it did not exist. Never passwords, hashes or tokens. */
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends one event to the chain inside the caller's transaction, so the change and its audit event commit
 * together or not at all. Locking the head row makes concurrent appends (from any number of instances) queue up,
 * and each one reads the tip its predecessor committed: the chain never forks.
 */
export async function appendAudit(tx: Queryable, now: Date, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const { rows } = await tx.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head WHERE singleton FOR UPDATE');
  const head = rows[0];
  if (!head) throw new Error('The audit head row is missing; the database was not migrated');
  const event = {
    seq: integer(head.seq) + 1,
    id: newId(),
    occurredAt: now.toISOString(),
    actorId: entry.actorId,
    clientId: entry.clientId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    prevHash: head.hash,
  };
  const hash = auditHash(event);
  await tx.query(
    `INSERT INTO audit_events (seq, id, occurred_at, actor_id, client_id, action, entity_type, entity_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
    [
      event.seq,
      event.id,
      event.occurredAt,
      event.actorId,
      event.clientId,
      event.action,
      event.entityType,
      event.entityId,
      event.before === null ? null : JSON.stringify(event.before),
      event.after === null ? null : JSON.stringify(event.after),
      event.prevHash,
      hash,
    ],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE singleton', [event.seq, hash]);
  return { seq: event.seq, hash };
}
