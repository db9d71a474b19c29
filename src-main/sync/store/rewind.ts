import type { Database } from 'better-sqlite3';
import { prepared } from '../../store/prepared';
import type { UndoEntry } from '../../store/undo-log';
import { isSyncedTable } from './row-shape';
import type { RowWriter } from './row-writer';
import { SyncStoreError } from './sync-store-error';

/**
 * Takes back one mutation's writes, newest first: an inserted row is deleted, an updated row gets its before-image
 * back (an upsert of the whole row), and the writer mends the search index and holder names as it goes.
 */
export function undoWrites(writer: RowWriter, entries: readonly UndoEntry[]): void {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as UndoEntry;
    if (!isSyncedTable(entry.t)) throw new Error(`An undo record names table ${String(entry.t)}, which is not synced`);
    if (entry.before === null) writer.delete(entry.t, entry.id);
    else writer.put(entry.t, entry.before);
  }
}

/**
 * REWIND: takes back every unsent mutation's writes, newest mutation first, leaving the synced tables as the server
 * last sent them, ready for the next patch on top. The undo records are then dropped (a replay writes fresh ones).
 * Runs inside the pull's transaction, so an abandoned pull brings everything back.
 */
export function rewindPending(db: Database, writer: RowWriter): number {
  // Ids first, then one record at a time: an unsent import holds megabytes of undo records.
  const pending = (prepared(db, 'SELECT mutation_id AS id FROM outbox ORDER BY mutation_id DESC').all() as { id: number }[]).map((row) => row.id);
  for (const mutationId of pending) {
    const entries = (prepared(db, 'SELECT entries FROM undo_log WHERE mutation_id = ?').get(mutationId) as { entries: string } | undefined)?.entries;
    if (entries === undefined) {
      throw new SyncStoreError(
        'rewind_incomplete',
        `The unsent change ${String(mutationId)} was made by an earlier version of Custodian that kept no record of how to take it back, ` +
          'so the server’s changes cannot be applied under it. A full sync (from no cookie) can. Nothing from this sync was applied.',
      );
    }
    undoWrites(writer, JSON.parse(entries) as UndoEntry[]);
  }
  prepared(db, 'DELETE FROM undo_log').run();
  return pending.length;
}
