import type { Database } from 'better-sqlite3';
import type { Rejection } from '../../../src-shared/sync/protocol';
import { prepared } from '../../store/prepared';

/** A refused change as the "Changes not applied" list shows it: the server's reason, and what the person had asked. */
export interface StoredRejection extends Rejection {
  /** The mutator's arguments as the person made the change; null if this desktop no longer had them. */
  readonly args: unknown;
  /** When the person made the change (this desktop's clock). */
  readonly madeAt: string | null;
  readonly dismissedAt: string | null;
}

/**
 * Keeps the server's rejections, copying each change's arguments and time from its outbox entry first: the entry is
 * dropped when the pull confirms the server processed it. A rejection reported again (a pull that was abandoned and
 * retried) keeps its first record.
 */
export function recordRejections(db: Database, rejections: readonly Rejection[]): number {
  let recorded = 0;
  for (const rejection of rejections) {
    const made = prepared(db, 'SELECT args, created_at AS createdAt FROM outbox WHERE mutation_id = ?').get(rejection.mutationId) as
      | { args: string; createdAt: string }
      | undefined;
    recorded += prepared(
      db,
      `INSERT INTO sync_rejections (mutation_id, name, args, code, message, rejected_at, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (mutation_id) DO NOTHING`,
    ).run(rejection.mutationId, rejection.name, made?.args ?? null, rejection.code, rejection.message, rejection.rejectedAt, made?.createdAt ?? null).changes;
  }
  return recorded;
}

interface RejectionRow {
  mutationId: number;
  name: string;
  args: string | null;
  code: string;
  message: string;
  rejectedAt: string;
  madeAt: string | null;
  dismissedAt: string | null;
}

/** The rejections, newest change first; dismissed ones only when asked for. */
export function listRejections(db: Database, { includeDismissed = false }: { includeDismissed?: boolean } = {}): StoredRejection[] {
  const rows = prepared(
    db,
    `SELECT mutation_id AS mutationId, name, args, code, message, rejected_at AS rejectedAt, made_at AS madeAt, dismissed_at AS dismissedAt
       FROM sync_rejections WHERE ? OR dismissed_at IS NULL ORDER BY mutation_id DESC`,
  ).all(includeDismissed ? 1 : 0) as RejectionRow[];
  return rows.map((row) => ({ ...row, args: row.args === null ? null : (JSON.parse(row.args) as unknown) }));
}

export function countUndismissedRejections(db: Database): number {
  return (prepared(db, 'SELECT COUNT(*) AS n FROM sync_rejections WHERE dismissed_at IS NULL').get() as { n: number }).n;
}

/** The person has read it: it leaves the list (kept, with when). False when there is no such rejection. */
export function dismissRejection(db: Database, mutationId: number, now: string): boolean {
  return prepared(db, 'UPDATE sync_rejections SET dismissed_at = ? WHERE mutation_id = ? AND dismissed_at IS NULL').run(now, mutationId).changes === 1;
}
