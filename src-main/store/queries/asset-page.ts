import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { AssetListRow, AssetPage, AssetPageInput, AssetSortColumn } from '../../../src-shared/api/asset-queries';
import { orderBy } from './asset-order';
import { ASSET_LIST_COLUMNS } from './columns';
import { cachedCount } from './count-cache';
import { memoryPageItems } from './deep-page/deep-page';
import { ftsPrefixQuery } from './fts-query';

interface Where {
  readonly clauses: string[];
  readonly params: unknown[];
}

/**
 * With `sortBy`, the type, status and location filters (other than on the sorted column itself) are written as
 * `+a.type …`: the unary plus stops SQLite using their indexes, leaving the sort's index (migration 0003), which
 * carries those columns, to give the order and test them.
 */
function buildWhere(filters: AssetPageInput['filters'], sortBy?: AssetSortColumn): Where | null {
  const where: Where = { clauses: [], params: [] };
  const column = (name: 'type' | 'status' | 'location') => `${sortBy !== undefined && sortBy !== name ? '+' : ''}a.${name}`;
  if (filters.types?.length) {
    where.clauses.push(`${column('type')} IN (${filters.types.map(() => '?').join(', ')})`);
    where.params.push(...filters.types);
  }
  if (filters.statuses?.length) {
    where.clauses.push(`${column('status')} IN (${filters.statuses.map(() => '?').join(', ')})`);
    where.params.push(...filters.statuses);
  }
  if (filters.holderId !== undefined) {
    where.clauses.push('a.holder_id = ?');
    where.params.push(filters.holderId);
  }
  if (filters.lineManagerId !== undefined) {
    // A sub-select, not a join: the team by people_line_manager, their assets by assets_holder, no holder join to page.
    where.clauses.push('a.holder_id IN (SELECT id FROM people WHERE line_manager_id = ?)');
    where.params.push(filters.lineManagerId);
  }
  if (filters.location !== undefined && filters.location !== '') {
    where.clauses.push(`${column('location')} = ?`);
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

/**
 * Up to this many matching assets, finding them by a filter's index and sorting them is quick (a few ms). Beyond it,
 * SQLite would still pick the filter's index and sort every match for each page (~300 ms for 180,000 issued assets
 * sorted by model); walking the sort's index instead stops after the page.
 */
const SORT_MATCHES_AT_MOST = 3_000;

const whereSql = (where: Where) => (where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '');

/**
 * One page of the register, filtered and sorted, with the total for the scroll bar. The total comes first (counted
 * once per filter until the data changes, count-cache.ts) and decides how to find the page. The page's rowids are
 * found reading only assets and an index, so an offset deep in 300,000 rows skips index entries, not rows joined to
 * their holders; full rows and holder names are read for the page alone (CROSS JOIN: the page drives that loop).
 * From DEEP_OFFSET on (or sooner, when already built) the page's rowids come from memory (deep-page/), SQL the fallback.
 */
export function assetPage(db: Database, input: AssetPageInput): AssetPage {
  const where = buildWhere(input.filters);
  if (where === null) return { items: [], total: 0 };
  const total = cachedCount(db, `SELECT COUNT(*) AS total FROM assets a ${whereSql(where)}`, where.params);
  if (total === 0) return { items: [], total };
  // Deep in the list OFFSET walks the sort's index from the start: the in-memory index finds the page instead.
  const deep = memoryPageItems(db, input, total);
  if (deep !== null) return { items: deep, total };
  const paging = total > SORT_MATCHES_AT_MOST ? (buildWhere(input.filters, input.sort.column) ?? where) : where;
  const order = orderBy(input.sort);
  const items = prepared(
    db,
    `SELECT ${ASSET_LIST_COLUMNS}
       FROM (SELECT a.rowid AS rid FROM assets a ${whereSql(paging)} ORDER BY ${order} LIMIT ? OFFSET ?) page
       CROSS JOIN assets a ON a.rowid = page.rid LEFT JOIN people h ON h.id = a.holder_id
      ORDER BY ${order}`,
  ).all(...paging.params, input.limit, input.offset) as AssetListRow[];
  return { items, total };
}
