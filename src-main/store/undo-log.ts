import type { Database } from 'better-sqlite3';
import type { TableName } from '../../src-shared/domain/tables';
import { prepared } from './prepared';

/**
 * One write of a local mutation, as the pull's rewind needs it to take the write back: the row as it was before
 * (domain field names, JSON fields decoded, exactly what SqliteTx reads), or null when the mutation inserted it.
 * Short keys: an import batch records 2,000 of these, so the JSON is kept small.
 */
export interface UndoEntry {
  readonly t: TableName;
  readonly id: string;
  readonly before: Readonly<Record<string, unknown>> | null;
}

/**
 * Stores a mutation's undo entries in ONE row, in write order: one INSERT per mutation however many rows it wrote, so
 * an import stays one extra statement per batch (JSON.stringify of 2,000 small entries is well under a millisecond).
 */
export function writeUndoLog(db: Database, mutationId: number, entries: readonly UndoEntry[]): void {
  prepared(db, 'INSERT INTO undo_log (mutation_id, entries) VALUES (?, ?)').run(mutationId, JSON.stringify(entries));
}
