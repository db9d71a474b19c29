import type { Database } from 'better-sqlite3';
import type { AssetListItem, Page } from '../../../src-shared/api/queries';

export function listAssets(db: Database, page: { limit: number; offset: number }): Page<AssetListItem> {
  const items = db
    .prepare(
      `SELECT id, asset_tag AS assetTag, serial_number AS serialNumber, type, model, created_at AS createdAt, updated_at AS updatedAt
         FROM assets ORDER BY asset_tag LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as AssetListItem[];
  const { total } = db.prepare('SELECT COUNT(*) AS total FROM assets').get() as { total: number };
  return { items, total };
}
