import type { Database } from 'better-sqlite3';
import type { Page, PersonListItem } from '../../../src-shared/api/queries';

export function listPeople(db: Database, page: { limit: number; offset: number }): Page<PersonListItem> {
  const items = db
    .prepare(
      `SELECT p.id, p.staff_number AS staffNumber, p.name, p.email, p.line_manager_id AS lineManagerId,
              m.name AS lineManagerName, p.created_at AS createdAt, p.updated_at AS updatedAt
         FROM people p LEFT JOIN people m ON m.id = p.line_manager_id
        ORDER BY p.name COLLATE NOCASE, p.staff_number LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as PersonListItem[];
  const { total } = db.prepare('SELECT COUNT(*) AS total FROM people').get() as { total: number };
  return { items, total };
}
