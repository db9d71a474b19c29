import type { Database } from 'better-sqlite3';
import type { TableName } from '../../src-shared/domain/tables';
import { cancelDeferredIndexing, deferSearchIndexing, indexDeferredRows } from './search-index';

interface IndexDefinition {
  readonly name: string;
  readonly sql: string;
}

/**
 * A load that at least doubles a table (migrating a register into Custodian, say) is run the way bulk loaders run
 * one: building an index once over sorted keys is several times cheaper than inserting every new row into it, and
 * the register has a dozen covering indexes (0003, 0005) that make each page of it an index walk. So the table's own
 * indexes are dropped first and created again after the rows are in, and the new rows are added to the full-text
 * index in one statement (search-index.ts). Only indexes with SQL text are dropped: the ones behind PRIMARY KEY and
 * UNIQUE constraints stay, so every uniqueness check still runs row by row. Everything happens inside the caller's
 * transaction, so a rollback brings the indexes back with everything else.
 */
export function shouldLoadInBulk(existingRows: number, newRows: number): boolean {
  return newRows > 0 && newRows * 2 >= existingRows;
}

function rowCount(db: Database, table: TableName): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function dropSecondaryIndexes(db: Database, table: TableName): IndexDefinition[] {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .all(table) as IndexDefinition[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes;
}

export interface BulkLoad {
  /** Call inside the transaction, before the first row. */
  start(): void;
  /** Call inside the transaction, after the last row: indexes the new rows. */
  finish(): void;
  /** Call when the transaction rolled back. */
  cancel(): void;
}

/** A bulk load of `newRows` rows into `tables` (each growing by that many), or a no-op when they are already large. */
export function bulkLoad(db: Database, tables: readonly TableName[], newRows: number): BulkLoad {
  const inBulk = tables.filter((table) => shouldLoadInBulk(rowCount(db, table), newRows));
  let dropped: IndexDefinition[] = [];
  return {
    start() {
      if (inBulk.length === 0) return;
      if (!db.inTransaction) throw new Error('A bulk load runs inside the transaction that writes its rows');
      dropped = inBulk.flatMap((table) => dropSecondaryIndexes(db, table));
      deferSearchIndexing(db);
    },
    finish() {
      for (const index of dropped) db.exec(index.sql);
      indexDeferredRows(db);
      dropped = [];
    },
    cancel() {
      cancelDeferredIndexing(db);
      dropped = [];
    },
  };
}
