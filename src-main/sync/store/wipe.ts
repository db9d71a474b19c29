import type { Database } from 'better-sqlite3';
import { SYNCED_TABLES } from '../../../src-shared/sync/protocol';

const SEARCH_TABLES = ['asset_search', 'people_search'] as const;

/**
 * Deletes every row of the synced tables and empties the search index, inside the caller's transaction (a pull's
 * reset, a sign-out). Foreign keys must be off (the caller's job: the pragma cannot change inside a transaction):
 * with them off and no triggers on these tables (0007), `DELETE FROM t` is one truncation, not a delete per row.
 *
 * The FTS5 tables are dropped and created again from their own stored definition: deleting an FTS5 row means reading
 * and tokenising it again to remove its terms, seconds for a full register, where a fresh table costs nothing.
 * The outbox, undo log, rejections and installation are not touched here.
 */
export function wipeSyncedTables(db: Database): void {
  if (!db.inTransaction) throw new Error('wipeSyncedTables runs inside the transaction that refills or clears the store');
  // Children first, so the order would also hold with foreign keys on.
  for (const table of [...SYNCED_TABLES].reverse()) db.exec(`DELETE FROM ${table}`);
  for (const table of SEARCH_TABLES) {
    const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string };
    db.exec(`DROP TABLE ${table}`);
    db.exec(sql);
  }
}
