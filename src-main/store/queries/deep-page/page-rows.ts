import type { Database } from 'better-sqlite3';
import type { AssetListRow } from '../../../../src-shared/api/asset-queries';
import { prepared } from '../../prepared';
import { ASSET_LIST_COLUMNS } from '../columns';

/**
 * The page's rows, in the order of `rowids`: the SQL page's own row read (the page drives the loop, CROSS JOIN, then
 * full rows and holder names for those rows alone), with the rowids passed as one JSON array.
 */
export function rowsByRowid(db: Database, rowids: readonly number[]): AssetListRow[] {
  if (rowids.length === 0) return [];
  return prepared(
    db,
    `SELECT ${ASSET_LIST_COLUMNS}
       FROM json_each(?) page
       CROSS JOIN assets a ON a.rowid = page.value LEFT JOIN people h ON h.id = a.holder_id
      ORDER BY page.key`,
  ).all(JSON.stringify(rowids)) as AssetListRow[];
}
