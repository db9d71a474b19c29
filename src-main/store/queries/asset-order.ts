import type { AssetPageInput, AssetSortColumn } from '../../../src-shared/api/asset-queries';

/** Sort keys: identifiers come from this map only. The tag breaks ties so paging is stable. */
export const SORT_SQL: Record<AssetSortColumn, string> = {
  assetTag: 'a.asset_tag',
  serialNumber: 'a.serial_number',
  type: 'a.type',
  model: 'a.model',
  status: 'a.status',
  // The desktop's copy of the holder's name (holder-name.ts): indexed, so sorting by holder needs no join.
  holderName: 'a.holder_name',
  location: 'a.location',
  purchaseDate: 'a.purchase_date',
};

/**
 * The register's ORDER BY, shared by the SQL page and the in-memory deep-page index (deep-page/sort-orders.ts), so
 * both order ties, NULLs and the tag's NOCASE collation identically. The tag breaks ties, unless the tag is the sort:
 * a repeated ORDER BY term stops SQLite taking the order from an index. The tag is unique (NOCASE), so the order is
 * total and DESC is exactly ASC reversed.
 */
export function orderBy(sort: AssetPageInput['sort']): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return sort.column === 'assetTag' ? `a.asset_tag ${direction}` : `${SORT_SQL[sort.column]} ${direction}, a.asset_tag ${direction}`;
}
