import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListRow } from '../../../src-shared/api/asset-queries';
import { ASSET_LIST_COLUMNS } from './columns';
import { ftsPrefixQuery } from './fts-query';

/** Search as you type: the best matches first (FTS rank), for the search box's suggestions. */
export function assetSearch(db: Database, input: { query: string; limit: number }): AssetListRow[] {
  const match = ftsPrefixQuery(input.query);
  if (match === null) return [];
  return prepared(db, 
      `SELECT ${ASSET_LIST_COLUMNS}
         FROM (SELECT rowid, rank FROM asset_search WHERE asset_search MATCH ? ORDER BY rank LIMIT ?) s
         JOIN assets a ON a.rowid = s.rowid LEFT JOIN people h ON h.id = a.holder_id
        ORDER BY s.rank`,
    )
    .all(match, input.limit) as AssetListRow[];
}
