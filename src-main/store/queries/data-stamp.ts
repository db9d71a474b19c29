import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';

/**
 * Changes whenever the data this connection sees may have changed, so caches of query answers (count-cache.ts, the
 * deep-page index) know when to drop them: total_changes() moves with every row written through this connection
 * (committed or not: mutations, sync apply and imports all write through it), PRAGMA data_version with every commit
 * made through another connection (a second app instance on the same file).
 */
export function dataStamp(db: Database): string {
  const { changes } = prepared(db, 'SELECT total_changes() AS changes').get() as { changes: number };
  return `${String(db.pragma('data_version', { simple: true }))}/${String(changes)}`;
}
