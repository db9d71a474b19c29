import type { Database } from 'better-sqlite3';
import { emailKey, nameKey, staffKey, type ImportLookup, type PersonRef } from '../../src-shared/import/reconcile/people-index';

/**
 * The preview's look-ups against the local store: one query per kind of key for the whole file. The keys travel as
 * one JSON array bound as a parameter (json_each), so 50,000 tags are one statement, not 50,000, and no SQL is built
 * from file content. The columns are COLLATE NOCASE, so IN compares as the unique constraints do.
 */
const PERSON_COLUMNS = 'id, staff_number AS "staffNumber", name, email, status';

export function createImportLookup(db: Database): ImportLookup {
  const all = <T>(sql: string, keys: readonly string[]): T[] => (keys.length === 0 ? [] : (db.prepare(sql).all(JSON.stringify(keys)) as T[]));
  return {
    assetTagsInUse: (tags) =>
      new Set(all<{ tag: string }>('SELECT asset_tag AS tag FROM assets WHERE asset_tag IN (SELECT value FROM json_each(?))', tags).map((r) => r.tag.toUpperCase())),
    serialsInUse: (serials) =>
      new Map(
        all<{ serial: string; tag: string }>(
          'SELECT serial_number AS serial, asset_tag AS tag FROM assets WHERE serial_number IN (SELECT value FROM json_each(?))',
          serials,
        ).map((r) => [r.serial.toUpperCase(), r.tag] as const),
      ),
    peopleByStaffNumber: (staffNumbers) =>
      new Map(
        all<PersonRef>(`SELECT ${PERSON_COLUMNS} FROM people WHERE staff_number IN (SELECT value FROM json_each(?))`, staffNumbers).map(
          (p) => [staffKey(p.staffNumber), p] as const,
        ),
      ),
    peopleByEmail: (emails) =>
      new Map(
        all<PersonRef>(`SELECT ${PERSON_COLUMNS} FROM people WHERE email IN (SELECT value FROM json_each(?))`, emails).map((p) => [emailKey(p.email), p] as const),
      ),
    peopleByName: (names) => {
      const byName = new Map<string, PersonRef[]>();
      const rows = all<PersonRef>(`SELECT ${PERSON_COLUMNS} FROM people WHERE name COLLATE NOCASE IN (SELECT value FROM json_each(?))`, names);
      for (const person of rows) {
        const key = nameKey(person.name);
        byName.set(key, [...(byName.get(key) ?? []), person]);
      }
      return byName;
    },
  };
}

/** Which of these people ids exist (line managers a plan points at, checked again at commit). */
export function existingPeopleIds(db: Database, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = db.prepare('SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
