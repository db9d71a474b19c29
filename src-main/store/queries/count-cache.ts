import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import { dataStamp } from './data-stamp';

/**
 * The register asks for its total with every page it fetches, and counting a large filtered set (180,000 issued
 * assets) costs several milliseconds each time. A total changes only when the data does, so it is kept per connection
 * and query until then: total_changes() moves with every write made through this connection (committed or not),
 * PRAGMA data_version with every commit made through another (a second app instance on the same file).
 */
const MAX_TOTALS = 64;

interface Totals {
  stamp: string;
  readonly byQuery: Map<string, number>;
}

const cache = new WeakMap<Database, Totals>();

/** `SELECT COUNT(*) AS total …` with `params`, answered from the cache while nothing has been written since it was counted. */
export function cachedCount(db: Database, sql: string, params: readonly unknown[]): number {
  const stamp = dataStamp(db);
  let totals = cache.get(db);
  if (totals?.stamp !== stamp) {
    totals = { stamp, byQuery: new Map() };
    cache.set(db, totals);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = totals.byQuery.get(key);
  if (known !== undefined) return known;
  const { total } = prepared(db, sql).get(...params) as { total: number };
  if (totals.byQuery.size >= MAX_TOTALS) totals.byQuery.delete(totals.byQuery.keys().next().value as string);
  totals.byQuery.set(key, total);
  return total;
}
