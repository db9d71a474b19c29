import type { Database } from 'better-sqlite3';
import type { AssetFilters } from '../../../../src-shared/api/asset-queries';
import { prepared } from '../../prepared';

/**
 * The holder and line manager filters, as marks (1 at each allowed rowid, `maxRowid + 1` bytes, dropped after the
 * request): the assets one person or one manager's team holds are few (found by assets_holder and
 * people_line_manager), so they are read per request rather than kept. The conditions are asset-page.ts's own.
 * Null when neither filter is set.
 */
export function holderMarks(db: Database, filters: AssetFilters, maxRowid: number): Uint8Array | null {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filters.holderId !== undefined) {
    clauses.push('a.holder_id = ?');
    params.push(filters.holderId);
  }
  if (filters.lineManagerId !== undefined) {
    clauses.push('a.holder_id IN (SELECT id FROM people WHERE line_manager_id = ?)');
    params.push(filters.lineManagerId);
  }
  if (clauses.length === 0) return null;
  const rowids = prepared(db, `SELECT a.rowid FROM assets a WHERE ${clauses.join(' AND ')}`).pluck().all(...params) as number[];
  const marks = new Uint8Array(maxRowid + 1);
  for (const rowid of rowids) marks[rowid] = 1;
  return marks;
}
