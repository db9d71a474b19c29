import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListRow, AssetPage, AssetPageInput, AssetSortColumn } from '../../../src-shared/api/asset-queries';
import { ASSET_LIST_COLUMNS } from './columns';
import { ftsPrefixQuery } from './fts-query';

/** Sort keys: identifiers come from this map only. The tag breaks ties so paging is stable. */
const SORT_SQL: Record<AssetSortColumn, string> = {
  assetTag: 'a.asset_tag',
  serialNumber: 'a.serial_number',
  type: 'a.type',
  model: 'a.model',
  status: 'a.status',
  holderName: 'h.name',
  location: 'a.location',
  purchaseDate: 'a.purchase_date',
};

interface Where {
  readonly clauses: string[];
  readonly params: unknown[];
  /** Whether the WHERE needs the holder join (otherwise COUNT can skip it). */
  needsHolder: boolean;
}

function buildWhere(filters: AssetPageInput['filters']): Where | null {
  const where: Where = { clauses: [], params: [], needsHolder: false };
  if (filters.types?.length) {
    where.clauses.push(`a.type IN (${filters.types.map(() => '?').join(', ')})`);
    where.params.push(...filters.types);
  }
  if (filters.statuses?.length) {
    where.clauses.push(`a.status IN (${filters.statuses.map(() => '?').join(', ')})`);
    where.params.push(...filters.statuses);
  }
  if (filters.holderId !== undefined) {
    where.clauses.push('a.holder_id = ?');
    where.params.push(filters.holderId);
  }
  if (filters.lineManagerId !== undefined) {
    where.clauses.push('h.line_manager_id = ?');
    where.params.push(filters.lineManagerId);
    where.needsHolder = true;
  }
  if (filters.location !== undefined && filters.location !== '') {
    where.clauses.push('a.location = ?');
    where.params.push(filters.location);
  }
  if (filters.search !== undefined && filters.search.trim() !== '') {
    const match = ftsPrefixQuery(filters.search);
    if (match === null) return null; // only punctuation typed: nothing can match
    where.clauses.push('a.rowid IN (SELECT rowid FROM asset_search WHERE asset_search MATCH ?)');
    where.params.push(match);
  }
  return where;
}

/** One page of the register, filtered and sorted, with the total for the scroll bar. */
export function assetPage(db: Database, input: AssetPageInput): AssetPage {
  const where = buildWhere(input.filters);
  if (where === null) return { items: [], total: 0 };
  const whereSql = where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '';
  const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const items = prepared(db, 
      `SELECT ${ASSET_LIST_COLUMNS} FROM assets a LEFT JOIN people h ON h.id = a.holder_id ${whereSql}
        ORDER BY ${SORT_SQL[input.sort.column]} ${direction}, a.asset_tag ${direction} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, input.limit, input.offset) as AssetListRow[];
  const holderJoin = where.needsHolder ? 'LEFT JOIN people h ON h.id = a.holder_id' : '';
  const { total } = prepared(db, `SELECT COUNT(*) AS total FROM assets a ${holderJoin} ${whereSql}`).get(...where.params) as { total: number };
  return { items, total };
}
