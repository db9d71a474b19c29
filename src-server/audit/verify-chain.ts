import type { Queryable } from '../db/database';
import { integer, isoTime } from '../db/rows';
import { auditHash, GENESIS_HASH } from './audit-hash';
import type { JsonValue } from './canonical-json';

export interface BrokenLink {
  /** The first event at which the chain no longer holds. */
  readonly seq: number;
  readonly id: string | null;
  readonly reason: string;
}

export type ChainReport =
  | { readonly ok: true; readonly events: number; readonly headHash: string }
  | { readonly ok: false; readonly eventsChecked: number; readonly brokenAt: BrokenLink };

interface StoredRow {
  seq: unknown;
  id: string;
  occurred_at: unknown;
  actor_id: string | null;
  client_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonValue;
  after: JsonValue;
  prev_hash: string;
  hash: string;
}

const PAGE = 500;

function checkRow(row: StoredRow, expectedSeq: number, prevHash: string): BrokenLink | undefined {
  const seq = integer(row.seq);
  if (seq !== expectedSeq) {
    return {
      seq: expectedSeq,
      id: null,
      reason: `event #${String(expectedSeq)} is missing: the log jumps from #${String(expectedSeq - 1)} to #${String(seq)}`,
    };
  }
  if (row.prev_hash !== prevHash) {
    return { seq, id: row.id, reason: 'it does not link to the event before it (its prev_hash is not that event’s hash)' };
  }
  const computed = auditHash({
    seq,
    id: row.id,
    occurredAt: isoTime(row.occurred_at),
    actorId: row.actor_id,
    clientId: row.client_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
  });
  if (computed !== row.hash) return { seq, id: row.id, reason: 'its stored contents do not match its hash (the event was changed after it was written)' };
  return undefined;
}

function checkHead(head: { seq: unknown; hash: string } | undefined, lastSeq: number, lastHash: string): BrokenLink | undefined {
  if (!head) return { seq: lastSeq + 1, id: null, reason: 'the audit head row is missing' };
  const headSeq = integer(head.seq);
  if (headSeq > lastSeq) {
    return { seq: lastSeq + 1, id: null, reason: `events #${String(lastSeq + 1)} to #${String(headSeq)} were removed from the end of the log` };
  }
  if (headSeq < lastSeq) {
    return { seq: headSeq + 1, id: null, reason: `event #${String(headSeq + 1)} onwards were added to the log without going through the audit writer` };
  }
  if (head.hash !== lastHash) return { seq: lastSeq, id: null, reason: 'the recorded tip of the chain does not match the last event' };
  return undefined;
}

/**
 * Walks the whole log in order, recomputing every hash, and names the first link that does not hold: a changed
 * event fails its own hash; a removed event leaves a gap in the numbering; removing the newest events is caught by
 * the head row. Reads a page at a time, so the log can be any length.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  for (;;) {
    const { rows } = await db.query<StoredRow>(
      `SELECT seq, id::text AS id, occurred_at, actor_id::text AS actor_id, client_id, action, entity_type, entity_id, before, after, prev_hash, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT ${String(PAGE)}`,
      [lastSeq],
    );
    for (const row of rows) {
      const broken = checkRow(row, lastSeq + 1, prevHash);
      if (broken) return { ok: false, eventsChecked: lastSeq, brokenAt: broken };
      lastSeq += 1;
      prevHash = row.hash;
    }
    if (rows.length < PAGE) break;
  }
  const { rows: heads } = await db.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head WHERE singleton');
  const broken = checkHead(heads[0], lastSeq, prevHash);
  if (broken) return { ok: false, eventsChecked: lastSeq, brokenAt: broken };
  return { ok: true, events: lastSeq, headHash: prevHash };
}
