import type { Database } from 'better-sqlite3';
import { SYNC_SCHEMA_VERSION, type PushedMutation } from '../../../src-shared/sync/protocol';
import { prepared } from '../../store/prepared';

interface OutboxRow {
  id: number;
  name: string;
  args: string;
  createdAt: string;
  actorId: string | null;
}

const OUTBOX_COLUMNS = 'mutation_id AS id, name, args, created_at AS createdAt, actor_id AS actorId';

/**
 * The next mutations to push, oldest first: those after `afterId`, at most `limit`, and no more than `maxBytes` of
 * serialised arguments (UTF-8), stopping before the one that would pass it, except that the first is always
 * included, so a single large mutation (an import batch) is still sent rather than blocking the queue.
 */
export function pendingMutations(db: Database, afterId: number, limit: number, maxBytes: number): PushedMutation[] {
  const rows = prepared(db, `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?`).all(
    afterId,
    Math.max(0, limit),
  ) as OutboxRow[];
  const batch: PushedMutation[] = [];
  let bytes = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(row.args, 'utf8');
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push({ id: row.id, name: row.name, args: JSON.parse(row.args) as unknown, createdAt: row.createdAt });
  }
  return batch;
}

export function pendingCount(db: Database): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
}

/** The unsent changes as a recovery document, written to a file before local data is cleared (sign-out, a new account). */
export interface OutboxExport {
  readonly format: 'custodian-unsent-changes';
  /** The sync protocol version the arguments are written in. */
  readonly schemaVersion: number;
  /** The installation the changes were made on (its mutation ids count from 1 under it). */
  readonly clientId: string;
  readonly exportedAt: string;
  readonly mutations: readonly (PushedMutation & { readonly actorId: string | null })[];
}

/** The installation's client id as stored now (clearLocalData gives it a new one). */
export function currentClientId(db: Database): string {
  return (prepared(db, 'SELECT client_id AS clientId FROM installation WHERE singleton = 1').get() as { clientId: string }).clientId;
}

export function exportOutbox(db: Database, clock: () => Date = () => new Date()): OutboxExport {
  const clientId = currentClientId(db);
  const rows = prepared(db, `SELECT ${OUTBOX_COLUMNS} FROM outbox ORDER BY mutation_id`).all() as OutboxRow[];
  return {
    format: 'custodian-unsent-changes',
    schemaVersion: SYNC_SCHEMA_VERSION,
    clientId,
    exportedAt: clock().toISOString(),
    mutations: rows.map((row) => ({ id: row.id, name: row.name, args: JSON.parse(row.args) as unknown, createdAt: row.createdAt, actorId: row.actorId })),
  };
}
