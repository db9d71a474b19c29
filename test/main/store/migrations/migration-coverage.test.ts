import { describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS } from '../../../../src-main/store/local-migrations';
import { isDataChanging, migrateTo, migrationTestFiles, storeAtVersion } from '../../../support/migrations';

describe('data-changing migrations', () => {
  it('each has its own test file (migrate to N-1, insert, migrate to N, assert)', () => {
    const tested = new Set(migrationTestFiles().map((name) => Number(name.slice(0, 4))));
    const untested = LOCAL_MIGRATIONS.filter((m) => isDataChanging(m.sql) && !tested.has(m.version)).map(
      (m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`,
    );
    expect(untested, 'write test/main/store/migrations/NNNN_<name>.test.ts for each of these').toEqual([]);
  });

  it('tells data-changing SQL from schema-only SQL, ignoring comments', () => {
    expect(isDataChanging('CREATE TABLE a (id TEXT) STRICT; CREATE INDEX a_id ON a (id);')).toBe(false);
    expect(isDataChanging('-- we UPDATE x SET nothing here\nCREATE TABLE a (id TEXT) STRICT;')).toBe(false);
    expect(isDataChanging('CREATE TABLE a (m TEXT REFERENCES b (id) ON DELETE RESTRICT ON UPDATE CASCADE) STRICT;')).toBe(false);
    expect(isDataChanging('DELETE FROM outbox WHERE mutation_id <= 3;')).toBe(true);
    expect(isDataChanging('ALTER TABLE assets ADD COLUMN location TEXT;')).toBe(true);
    expect(isDataChanging("UPDATE assets SET type = 'other' WHERE type = 'misc';")).toBe(true);
    expect(isDataChanging('INSERT INTO settings VALUES (1);')).toBe(true);
    expect(isDataChanging('CREATE TABLE b AS SELECT * FROM a;')).toBe(true);
    expect(isDataChanging('DROP TABLE old_assets;')).toBe(true);
  });

  it('the harness carries rows across a data-changing migration (worked example of the pattern)', () => {
    const migrations = [
      { version: 1, name: 'kit', sql: 'CREATE TABLE kit (tag TEXT PRIMARY KEY, kind TEXT NOT NULL) STRICT;' },
      {
        version: 2,
        name: 'kit_type_codes',
        sql: "ALTER TABLE kit ADD COLUMN type TEXT NOT NULL DEFAULT 'other'; UPDATE kit SET type = lower(replace(kind, ' ', '_'));",
      },
    ];
    const db = storeAtVersion(1, migrations);
    db.prepare('INSERT INTO kit (tag, kind) VALUES (?, ?)').run('LT-1', 'Basic Mobile Phone');
    migrateTo(db, 2, migrations);
    expect(db.prepare('SELECT tag, type FROM kit').get()).toEqual({ tag: 'LT-1', type: 'basic_mobile_phone' });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('every shipped migration applies cleanly on top of the one before', () => {
    const db = storeAtVersion(0);
    for (const migration of LOCAL_MIGRATIONS) {
      migrateTo(db, migration.version);
      expect(db.pragma('user_version', { simple: true })).toBe(migration.version);
    }
  });
});
