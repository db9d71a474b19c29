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
  return appendAuditEvents(tx, now, [entry]);
}

/**
 * Appends several events in order (a push of many mutations): the head is locked and moved once and the events are
 * inserted in one statement, each linked to the one before it exactly as single appends would link them.
 */
export async function appendAuditEvents(tx: Queryable, now: Date, entries: readonly AuditEntry[]): Promise<{ seq: number; hash: string }> {
  const { rows } = await tx.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head WHERE singleton FOR UPDATE');
  const head = rows[0];
  if (!head) throw new Error('The audit head row is missing; the database was not migrated');
  let seq = integer(head.seq);
  let prevHash = head.hash;
  if (entries.length === 0) return { seq, hash: prevHash };
  const occurredAt = now.toISOString();
  const events = entries.map((entry) => {
    seq += 1;
    const event = {
      seq,
      id: newId(),
      occurredAt,
      actorId: entry.actorId,
      clientId: entry.clientId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      prevHash,
    };
    prevHash = auditHash(event);
    return {
      seq: event.seq,
      id: event.id,
      occurred_at: event.occurredAt,
      actor_id: event.actorId,
      client_id: event.clientId,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      before: event.before,
      after: event.after,
      prev_hash: event.prevHash,
      hash: prevHash,
    };
  });
  // A JSON null before/after is stored as SQL NULL ("did not exist"), as a single insert with a null parameter would.
  await tx.query(
    `INSERT INTO audit_events (seq, id, occurred_at, actor_id, client_id, action, entity_type, entity_id, before, after, prev_hash, hash)
     SELECT e.seq, e.id, e.occurred_at, e.actor_id, e.client_id, e.action, e.entity_type, e.entity_id,
            NULLIF(e.before, 'null'::jsonb), NULLIF(e.after, 'null'::jsonb), e.prev_hash, e.hash
       FROM jsonb_to_recordset($1::jsonb) AS e (seq bigint, id uuid, occurred_at timestamptz, actor_id uuid, client_id text, action text,
            entity_type text, entity_id text, before jsonb, after jsonb, prev_hash text, hash text)
      ORDER BY e.seq`,
    [JSON.stringify(events)],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE singleton', [seq, prevHash]);
  return { seq, hash: prevHash };
}
