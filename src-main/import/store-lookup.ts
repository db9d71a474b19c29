import type { Database } from 'better-sqlite3';
import { prepared } from '../store/prepared';
import { emailKey, nameKey, staffKey, type ImportLookup, type PersonRef } from '../../src-shared/import/reconcile/people-index';

/**
 * The preview's look-ups against the local store: one query per kind of key for the whole file. The keys travel as
 * one JSON array bound as a parameter (json_each), so 50,000 tags are one statement, not 50,000, and no SQL is built
 * from file content. The columns are COLLATE NOCASE, so IN compares as the unique constraints do.
 */
const PERSON_COLUMNS = 'id, staff_number AS "staffNumber", name, email, status';

export function createImportLookup(db: Database): ImportLookup {
  // An empty table holds none of the keys: a register or directory being loaded for the first time (the usual first
  // import) skips writing every key of the file as JSON for SQLite to read back and match against nothing.
  const all = <T>(table: 'assets' | 'people', sql: string, keys: readonly string[]): T[] =>
    keys.length === 0 || isEmpty(db, table) ? [] : (prepared(db, sql).all(JSON.stringify(keys)) as T[]);
  return {
    assetTagsInUse: (tags) =>
      new Set(
        all<{ tag: string }>('assets', 'SELECT asset_tag AS tag FROM assets WHERE asset_tag IN (SELECT value FROM json_each(?))', tags).map((r) =>
          r.tag.toUpperCase(),
        ),
      ),
    serialsInUse: (serials) =>
      new Map(
        all<{ serial: string; tag: string }>(
          'assets',
          'SELECT serial_number AS serial, asset_tag AS tag FROM assets WHERE serial_number IN (SELECT value FROM json_each(?))',
          serials,
        ).map((r) => [r.serial.toUpperCase(), r.tag] as const),
      ),
    peopleByStaffNumber: (staffNumbers) =>
      new Map(
        all<PersonRef>('people', `SELECT ${PERSON_COLUMNS} FROM people WHERE staff_number IN (SELECT value FROM json_each(?))`, staffNumbers).map(
          (p) => [staffKey(p.staffNumber), p] as const,
        ),
      ),
    peopleByEmail: (emails) =>
      new Map(
        all<PersonRef>('people', `SELECT ${PERSON_COLUMNS} FROM people WHERE email IN (SELECT value FROM json_each(?))`, emails).map(
          (p) => [emailKey(p.email), p] as const,
        ),
      ),
    peopleByName: (names) => {
      const byName = new Map<string, PersonRef[]>();
      const rows = all<PersonRef>('people', `SELECT ${PERSON_COLUMNS} FROM people WHERE name COLLATE NOCASE IN (SELECT value FROM json_each(?))`, names);
      for (const person of rows) {
        const key = nameKey(person.name);
        byName.set(key, [...(byName.get(key) ?? []), person]);
      }
      return byName;
    },
  };
}

function isEmpty(db: Database, table: 'assets' | 'people'): boolean {
  return (prepared(db, `SELECT EXISTS (SELECT 1 FROM ${table}) AS found`).get() as { found: number }).found === 0;
}

/** Which of these people ids exist (line managers a plan points at, checked again at commit). */
export function existingPeopleIds(db: Database, ids: readonly string[]): Set<string> {
  if (ids.length === 0 || isEmpty(db, 'people')) return new Set();
  const rows = db.prepare('SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
