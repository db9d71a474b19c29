import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListRow } from '../../../src-shared/api/asset-queries';
import { ASSET_LIST_COLUMNS } from './columns';
import { ftsPrefixQuery } from './fts-query';

/**
 * Ranking needs bm25 for EVERY hit before ORDER BY rank can pick the best few: a one- or two-character prefix hits
 * ~100,000 assets and costs ~100 ms. Without ORDER BY rank, FTS5 streams rowids and stops at the LIMIT (well under a
 * millisecond). So: probe for at most this many hits in rowid order; rank only when the probe found no more.
 */
const RANK_AT_MOST = 200;

/**
 * Search as you type: the best matches first (FTS rank) when the query is specific enough for rank to mean
 * something; when it matches more than RANK_AT_MOST assets (a prefix of one or two characters), the newest first.
 */
export function assetSearch(db: Database, input: { query: string; limit: number }): AssetListRow[] {
  const match = ftsPrefixQuery(input.query);
  if (match === null) return [];
  const hits = (
    prepared(db, 'SELECT rowid FROM asset_search WHERE asset_search MATCH ? ORDER BY rowid DESC LIMIT ?').all(match, RANK_AT_MOST + 1) as {
      rowid: number;
    }[]
  ).map((hit) => hit.rowid);
  if (hits.length > RANK_AT_MOST) {
    return prepared(
      db,
      `SELECT ${ASSET_LIST_COLUMNS} FROM assets a LEFT JOIN people h ON h.id = a.holder_id
        WHERE a.rowid IN (SELECT value FROM json_each(?)) ORDER BY a.rowid DESC`,
    ).all(JSON.stringify(hits.slice(0, input.limit))) as AssetListRow[];
  }
  return prepared(
    db,
    `SELECT ${ASSET_LIST_COLUMNS}
       FROM (SELECT rowid, rank FROM asset_search WHERE asset_search MATCH ? ORDER BY rank LIMIT ?) s
       JOIN assets a ON a.rowid = s.rowid LEFT JOIN people h ON h.id = a.holder_id
      ORDER BY s.rank`,
  ).all(match, input.limit) as AssetListRow[];
}
