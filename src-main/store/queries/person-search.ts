import type { Database } from 'better-sqlite3';
import { prepared } from '../prepared';
import type { PersonSummary } from '../../../src-shared/api/person-queries';
import { ftsPrefixQuery } from './fts-query';

/** Choosing a person (to issue to, as a filter): name, staff number or email, as you type. */
export function personSearch(db: Database, input: { query: string; limit: number }): PersonSummary[] {
  const match = ftsPrefixQuery(input.query);
  if (match === null) return [];
  return prepared(db, 
      `SELECT p.id, p.staff_number AS "staffNumber", p.name, p.email, p.status
         FROM (SELECT rowid, rank FROM people_search WHERE people_search MATCH ? ORDER BY rank LIMIT ?) s
         JOIN people p ON p.rowid = s.rowid ORDER BY s.rank`,
    )
    .all(match, input.limit) as PersonSummary[];
}
