import type { Database } from 'better-sqlite3';
import type { AssetPageInput } from '../../src-shared/api/asset-queries';
import type { AssetExportRow, PersonExportRow } from '../../src-shared/export/columns';
import type { PeopleFilters } from '../../src-shared/export/contract';
import { decodeRow } from '../store/json-fields';
import { assetPage } from '../store/queries/asset-page';
import { selectColumns } from '../store/queries/columns';
import { ftsPrefixQuery } from '../store/queries/fts-query';

/** An export is the whole filtered list, not a page; this bounds it far above any department's register. */
const MAX_EXPORT_ROWS = 2_000_000;

/**
 * The register's rows for an export, through asset.page's own query (same filters, same sort, so the file matches the
 * screen), plus each holder's staff number, which the CSV needs to import back.
 */
export function assetExportRows(db: Database, { filters, sort }: Pick<AssetPageInput, 'filters' | 'sort'>): AssetExportRow[] {
  const { items } = assetPage(db, { filters, sort, limit: MAX_EXPORT_ROWS, offset: 0 });
  const holders = db
    .prepare('SELECT id, staff_number AS staffNumber FROM people WHERE id IN (SELECT DISTINCT holder_id FROM assets WHERE holder_id IS NOT NULL)')
    .all() as { id: string; staffNumber: string }[];
  const staffNumbers = new Map(holders.map((h) => [h.id, h.staffNumber]));
  return items.map((asset) => ({ ...asset, holderStaffNumber: asset.holderId === null ? null : (staffNumbers.get(asset.holderId) ?? null) }));
}

/** The people directory for an export: optional status and search (name, staff number or email, as word prefixes). */
export function peopleExportRows(db: Database, filters: PeopleFilters): PersonExportRow[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.status !== undefined) {
    clauses.push('p.status = ?');
    params.push(filters.status);
  }
  if (filters.search !== undefined && filters.search.trim() !== '') {
    const match = ftsPrefixQuery(filters.search);
    if (match === null) return [];
    clauses.push('p.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ?)');
    params.push(match);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  return db
    .prepare(
      `SELECT ${selectColumns('people', 'p')}, m.staff_number AS "lineManagerStaffNumber", m.name AS "lineManagerName"
         FROM people p LEFT JOIN people m ON m.id = p.line_manager_id ${where}
        ORDER BY p.name COLLATE NOCASE, p.staff_number`,
    )
    .all(...params)
    .map((row) => decodeRow('people', row) as PersonExportRow);
}
