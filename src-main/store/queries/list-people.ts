import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { Page, PersonListItem } from '../../../src-shared/api/queries';
import { decodeRow } from '../json-fields';
import { selectColumns } from './columns';

export function listPeople(db: Database, page: { limit: number; offset: number }): Page<PersonListItem> {
  const items = prepared(db, 
      `SELECT ${selectColumns('people', 'p')}, m.name AS "lineManagerName"
         FROM people p LEFT JOIN people m ON m.id = p.line_manager_id
        ORDER BY p.name COLLATE NOCASE, p.staff_number LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset)
    .map((row) => decodeRow('people', row) as PersonListItem);
  const { total } = prepared(db, 'SELECT COUNT(*) AS total FROM people').get() as { total: number };
  return { items, total };
}
