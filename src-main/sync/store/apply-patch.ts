import { SqliteError } from 'better-sqlite3';
import type { PatchOperation } from '../../../src-shared/sync/protocol';
import { isSyncedTable } from './row-shape';
import type { RowWriter } from './row-writer';
import { badRow, SyncStoreError } from './sync-store-error';

interface Deferred {
  readonly op: Extract<PatchOperation, { op: 'put' }>;
  readonly reason: string;
}

function idOf(row: unknown): unknown {
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>).id : undefined;
}

function isUniqueClash(error: unknown): error is InstanceType<typeof SqliteError> {
  return error instanceof SqliteError && (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** A write the store refused, as a bad_row naming it; an error that is not about the row (disk full) stays as it is. */
function refusedRow(error: unknown, table: string, id: unknown): unknown {
  if (error instanceof SyncStoreError) return error;
  if (error instanceof SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) return badRow(table, id, error.message, error);
  if (error instanceof TypeError || error instanceof RangeError) return badRow(table, id, error.message, error);
  return error;
}

/**
 * Applies a run's patch operations in order. A put that clashes with a unique value (asset tag, staff number, email)
 * is held back, not refused at once: in one consistent snapshot two rows can have swapped values (tags relabelled,
 * an email moved to a new starter), and whichever comes first clashes with the other's old value. Held-back puts are
 * tried again after each page; any still clashing when the run ends are a bad row. A later operation on the same row
 * supersedes one held back.
 */
export class PatchApplier {
  puts = 0;
  dels = 0;
  private readonly deferred = new Map<string, Deferred>();

  constructor(private readonly writer: RowWriter) {}

  apply(patch: readonly PatchOperation[]): void {
    for (const op of patch) {
      const table: unknown = op.table;
      if (!isSyncedTable(table)) throw badRow(String(table), op.op === 'put' ? idOf(op.row) : op.id, 'it is not a table this desktop syncs');
      if (op.op === 'put') {
        const id = idOf(op.row);
        if (this.deferred.size > 0) this.deferred.delete(`${table}\u0000${String(id)}`);
        this.put(op, id);
        this.puts += 1;
      } else {
        this.delete(table, op);
      }
    }
    this.retryDeferred();
  }

  private delete(table: PatchOperation['table'], op: Extract<PatchOperation, { op: 'del' }>): void {
    // The engine may hand pages over without a schema check: an unknown operation is refused, not taken for a delete.
    const kind: string = op.op;
    if (kind !== 'del') {
      throw new SyncStoreError('bad_page', `The server sent an operation this desktop does not know (${kind.slice(0, 20)}). Nothing from this sync was applied.`);
    }
    if (typeof op.id !== 'string' || op.id === '') throw badRow(table, op.id, 'the delete names no id');
    if (this.deferred.size > 0) this.deferred.delete(`${table}\u0000${op.id}`);
    this.writer.delete(table, op.id);
    this.dels += 1;
  }

  private put(op: Extract<PatchOperation, { op: 'put' }>, id: unknown): boolean {
    try {
      this.writer.put(op.table, op.row);
      return true;
    } catch (error) {
      if (!isUniqueClash(error)) throw refusedRow(error, op.table, id);
      this.deferred.set(`${op.table}\u0000${String(id)}`, { op, reason: error.message });
      return false;
    }
  }

  /**
   * Tries the held-back puts again until a pass places none of them. Then, once, parks the unique values of the rows
   * still held back (a swap: each clashes with the other's old value, so neither can go first) and tries again.
   */
  private retryDeferred(): void {
    let parked = false;
    for (;;) {
      let placed = false;
      for (const [key, { op }] of [...this.deferred]) {
        this.deferred.delete(key);
        if (this.put(op, idOf(op.row))) placed = true;
      }
      if (this.deferred.size === 0) return;
      if (!placed) {
        if (parked) return;
        for (const { op } of this.deferred.values()) this.writer.park(op.table, String(idOf(op.row)));
        parked = true;
      }
    }
  }

  /** At the end of the run: a put that still clashes is a row this store cannot hold. */
  assertSettled(): void {
    const first = this.deferred.values().next();
    if (first.done === true) return;
    const { op, reason } = first.value;
    throw badRow(op.table, idOf(op.row), `it clashes with another row (${reason})`);
  }
}
