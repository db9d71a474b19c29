import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CENTRAL_MIGRATIONS } from '../../../src-server/db/central-migrations';
import type { Database } from '../../../src-server/db/database';
import { migrate } from '../../../src-server/db/migrate';
import { openPgDatabase } from '../../../src-server/db/pg-database';
import { openMemoryPgliteDatabase, pgliteDatabase } from '../../../src-server/db/pglite-database';

export type Backend = 'pglite' | 'postgres';

/**
 * PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it to the machine's PostgreSQL). Suites run
 * `describe.each(BACKENDS)`, so the same tests check both stores.
 */
export const POSTGRES_URL = process.env.DATABASE_URL?.trim() || undefined;
export const BACKENDS: readonly Backend[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A connection string whose connections all use `schema` (libpq's "options", which pg passes on at connect). */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * An empty schema of its own on the shared PostgreSQL, so test files running in parallel never see each other's
 * rows (or wait on each other's migration lock). Dropped with everything in it by `drop`.
 */
export async function createScratchSchema(url: string): Promise<{ schema: string; url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    url: urlWithSchema(url, schema),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestDatabase {
  readonly backend: Backend;
  readonly db: Database;
  /** For PostgreSQL: a connection string to this test's schema (to start a server process on it). */
  readonly url?: string;
  close(): Promise<void>;
}

const MIGRATED_AT = new Date('2026-01-01T00:00:00.000Z');

/**
 * Starting PGlite runs initdb, about two seconds of CPU; loading a dumped data directory takes a fraction of that.
 * The first test file to need one dumps an image into the temp directory — empty, or migrated — named by the PGlite
 * version and the migrations' checksums (a changed migration makes a new image); later files load it. Written to a
 * temporary name and renamed, so parallel test files never read half a file.
 */
async function pgliteImage(migrated: boolean): Promise<Blob> {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  const key = createHash('sha256')
    .update(version)
    .update(migrated ? CENTRAL_MIGRATIONS.map((m) => m.checksum).join(',') : 'empty')
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `custodian-pglite-image-${key}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pglite = await PGlite.create();
  let dump: Blob;
  try {
    if (migrated) await migrate(pgliteDatabase(pglite), CENTRAL_MIGRATIONS, MIGRATED_AT);
    dump = await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
  const temporary = `${file}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
  renameSync(temporary, file);
  return dump;
}

/**
 * A fresh database: in-memory PGlite, or a new schema on the PostgreSQL at DATABASE_URL. Migrated to the newest
 * schema unless `migrated: false` (migration tests start from nothing).
 */
export async function openTestDatabase(backend: Backend, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (backend === 'pglite') {
    const db = await openMemoryPgliteDatabase(await pgliteImage(migrated));
    return { backend, db, close: () => db.close() };
  }
  if (!POSTGRES_URL) throw new Error('DATABASE_URL is not set');
  const scratch = await createScratchSchema(POSTGRES_URL);
  const db = openPgDatabase({ connectionString: scratch.url, maxConnections: 4 });
  if (migrated) await migrate(db, CENTRAL_MIGRATIONS, MIGRATED_AT);
  return {
    backend,
    db,
    url: scratch.url,
    close: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}
