import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS } from '../../../src-main/store/local-migrations';
import { migrate, schemaVersion } from '../../../src-main/store/migrate';
import { parseMigrations } from '../../../src-main/store/migrations';
import { StoreError } from '../../../src-main/store/store-error';

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('parseMigrations', () => {
  it('orders by number and reads the name', () => {
    const parsed = parseMigrations({ 'db/local/0002_b.sql': 'B', 'db/local/0001_a.sql': 'A' });
    expect(parsed.map((m) => [m.version, m.name, m.sql])).toEqual([
      [1, 'a', 'A'],
      [2, 'b', 'B'],
    ]);
  });

  it('refuses a gap or a duplicate in the numbering', () => {
    expect(() => parseMigrations({ '0001_a.sql': '', '0003_c.sql': '' })).toThrow(/without gaps/);
    expect(() => parseMigrations({ 'x/0001_a.sql': '', 'y/0001_b.sql': '' })).toThrow(/without gaps/);
  });

  it('refuses a file that is not named NNNN_description.sql', () => {
    expect(() => parseMigrations({ 'db/local/init.sql': '' })).toThrow(/must look like 0001_description.sql/);
  });

  it('finds the shipped migrations numbered from 1', () => {
    expect(LOCAL_MIGRATIONS[0]?.version).toBe(1);
    expect(LOCAL_MIGRATIONS.every((m, i) => m.version === i + 1)).toBe(true);
  });
});

describe('migrate', () => {
  const good = { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;' };
  const broken = { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' };

  it('applies all pending migrations and records the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [good])).toBe(1);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['one']);
  });

  it('applies pending migrations in one transaction: a failure leaves no table and no version change', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [good, broken])).toThrow(StoreError);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('names the failing migration in its message', () => {
    const db = new Database(':memory:');
    migrate(db, [good]);
    try {
      migrate(db, [good, broken]);
      expect.unreachable();
    } catch (error) {
      expect((error as StoreError).code).toBe('migration_failed');
      expect((error as StoreError).message).toContain('version 2 (two)');
    }
    expect(schemaVersion(db)).toBe(1);
  });

  it('stops at a target version, which is how migration tests reach N-1', () => {
    const db = new Database(':memory:');
    const second = { version: 2, name: 'two', sql: 'CREATE TABLE two (id INTEGER) STRICT;' };
    migrate(db, [good, second], 1);
    expect(tableNames(db)).toEqual(['one']);
    migrate(db, [good, second]);
    expect(tableNames(db)).toEqual(['one', 'two']);
  });
});
