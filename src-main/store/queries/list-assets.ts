import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListItem, Page } from '../../../src-shared/api/queries';
import { selectColumns } from './columns';

export function listAssets(db: Database, page: { limit: number; offset: number }): Page<AssetListItem> {
  const items = prepared(db, 
      `SELECT ${selectColumns('assets', 'a')} FROM assets a ORDER BY a.asset_tag LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as AssetListItem[];
  const { total } = prepared(db, 'SELECT COUNT(*) AS total FROM assets').get() as { total: number };
  return { items, total };
}
