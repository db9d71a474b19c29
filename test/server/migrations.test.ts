import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../src-server/db/central-migrations';
import type { Database } from '../../src-server/db/database';
import { migrate, MigrationError, schemaVersion } from '../../src-server/db/migrate';
import { parseMigrations, type Migration } from '../../src-server/db/migrations';
import { openPgDatabase } from '../../src-server/db/pg-database';
import { BACKENDS, openTestDatabase, POSTGRES_URL, type TestDatabase } from './support/databases';

const NOW = new Date('2026-11-23T09:00:00.000Z');

describe('migration files', () => {
  it('are numbered 1, 2, 3… without gaps, and each carries a checksum', () => {
    expect(CENTRAL_MIGRATIONS.map((m) => m.version)).toEqual(CENTRAL_MIGRATIONS.map((_, i) => i + 1));
    for (const migration of CENTRAL_MIGRATIONS) expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(() => parseMigrations({ 'x/0001_a.sql': '', 'x/0003_c.sql': '' })).toThrow(/without gaps/);
    expect(() => parseMigrations({ 'x/1_a.sql': '' })).toThrow(/0001_description/);
  });
});

describe.each(BACKENDS)('migrations on %s', { timeout: 30_000 }, (backend) => {
  // One empty database, taken through its life in order: a failed migration, the real ones, then refusals.
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(backend, { migrated: false });
  }, 60_000);
  afterAll(() => test.close());

  it('leave the database untouched when a migration fails part-way (DDL is transactional)', async () => {
    const broken: Migration[] = [
      ...CENTRAL_MIGRATIONS,
      { version: CENTRAL_MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();', checksum: 'x' },
    ];
    await expect(migrate(test.db, broken, NOW)).rejects.toMatchObject({ code: 'migration_failed' });
    expect(await schemaVersion(test.db)).toBe(0);
    const { rows } = await test.db.query<{ name: string | null }>("SELECT to_regclass('people')::text AS name");
    expect(rows[0]?.name).toBeNull();
  });

  it('bring an empty database to the newest schema once, and do nothing the second time', async () => {
    expect(await migrate(test.db, CENTRAL_MIGRATIONS, NOW)).toEqual({ from: 0, to: CENTRAL_MIGRATIONS.length, applied: CENTRAL_MIGRATIONS.map((m) => m.version) });
    expect(await migrate(test.db, CENTRAL_MIGRATIONS, NOW)).toEqual({ from: CENTRAL_MIGRATIONS.length, to: CENTRAL_MIGRATIONS.length, applied: [] });
    expect(await schemaVersion(test.db)).toBe(CENTRAL_MIGRATIONS.length);
    const { rows } = await test.db.query<{ seq: unknown }>('SELECT seq FROM audit_head');
    expect(rows.map((r) => Number(r.seq))).toEqual([0]);
  });

  it('refuse an applied migration that was edited since', async () => {
    const edited = CENTRAL_MIGRATIONS.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(test.db, edited, NOW)).rejects.toMatchObject({ code: 'migration_edited' });
  });

  it('refuse a database newer than this build', async () => {
    const newer: Migration[] = [...CENTRAL_MIGRATIONS, { version: CENTRAL_MIGRATIONS.length + 1, name: 'later', sql: 'CREATE TABLE later (id int);', checksum: 'l' }];
    await migrate(test.db, newer, NOW);
    const refused = await migrate(test.db, CENTRAL_MIGRATIONS, NOW).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MigrationError);
    expect(refused).toMatchObject({ code: 'database_newer' });
  });
});

// PGlite serves one process: concurrent instances need PostgreSQL (DATABASE_URL; always set in CI).
describe.runIf(POSTGRES_URL !== undefined)('migrations on a shared PostgreSQL', () => {
  it('apply once when several instances start at the same moment', { timeout: 60_000 }, async () => {
    const test = await openTestDatabase('postgres', { migrated: false });
    if (!test.url || !POSTGRES_URL) throw new Error('no url');
    const instances: Database[] = Array.from({ length: 4 }, () => openPgDatabase({ connectionString: test.url ?? '', maxConnections: 2 }));
    try {
      const reports = await Promise.all(instances.map((db) => migrate(db, CENTRAL_MIGRATIONS, NOW)));
      expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(reports.map((r) => r.to)).toEqual(reports.map(() => CENTRAL_MIGRATIONS.length));
      const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(CENTRAL_MIGRATIONS.length);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await test.close();
    }
  });
});
