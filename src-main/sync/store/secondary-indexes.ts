import type { Database } from 'better-sqlite3';
import { SYNCED_TABLES } from '../../../src-shared/sync/protocol';

export interface IndexDefinition {
  readonly name: string;
  readonly sql: string;
}

/**
 * Drops the synced tables' secondary indexes (the register's dozen covering indexes, 0003 and 0005) for a first sync
 * into emptied tables, to be built again by `recreateIndexes` once the rows are in: building an index once over all
 * its keys is several times cheaper than inserting 300,000 rows into each of a dozen b-trees in random order (the
 * same reasoning as an import's bulk load, src-main/store/bulk-load.ts). Only indexes with SQL text go: those behind
 * PRIMARY KEY and UNIQUE stay, so every uniqueness check still runs row by row. Inside the run's transaction, so an
 * abandoned run gets them back with everything else.
 */
export function dropSecondaryIndexes(db: Database): IndexDefinition[] {
  const placeholders = SYNCED_TABLES.map(() => '?').join(', ');
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`)
    .all(...SYNCED_TABLES) as IndexDefinition[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes;
}

export function recreateIndexes(db: Database, indexes: readonly IndexDefinition[]): void {
  for (const index of indexes) db.exec(index.sql);
}
