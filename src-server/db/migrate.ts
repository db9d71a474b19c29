import type { Database, Queryable } from './database';
import type { Migration } from './migrations';

export type MigrationErrorCode = 'database_newer' | 'migration_edited' | 'migration_failed';

export class MigrationError extends Error {
  readonly code: MigrationErrorCode;

  constructor(code: MigrationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
    this.code = code;
  }
}

export interface MigrationReport {
  /** Schema version before and after; equal when there was nothing to do. */
  readonly from: number;
  readonly to: number;
  /** Versions this call applied: empty when another instance (or an earlier start) already had. */
  readonly applied: readonly number[];
}

/**
 * Advisory lock key: a constant class ("CUST") and the current schema, so instances sharing one schema take turns
 * while test files that each use their own schema on one database do not wait for each other.
 */
const LOCK_CLASS = 0x43555354;
const LOCK_SQL = 'SELECT pg_advisory_xact_lock($1, coalesce(hashtext(current_schema()), 0))';

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/** The schema version recorded in the database, without writing anything (0 for an empty database). */
export async function schemaVersion(db: Queryable): Promise<number> {
  const exists = await db.query<{ relation: string | null }>("SELECT to_regclass('schema_migrations')::text AS relation");
  if (exists.rows[0]?.relation == null) return 0;
  const { rows } = await db.query<{ version: number | null }>('SELECT max(version)::int AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

function checkApplied(applied: readonly AppliedRow[], migrations: readonly Migration[]): void {
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > migrations.length) {
    throw new MigrationError(
      'database_newer',
      `The database is at schema version ${String(newest)}, newer than this server understands (${String(migrations.length)}). ` +
        'Run the newer server release against it; nothing has been changed.',
    );
  }
  for (const row of applied) {
    const known = migrations[row.version - 1];
    if (known && known.checksum !== row.checksum) {
      throw new MigrationError(
        'migration_edited',
        `Migration ${String(row.version)} (${row.name}) was changed after it was applied to this database. ` +
          'Applied migrations must never be edited: add a new numbered migration instead. Nothing has been changed.',
      );
    }
  }
}

/**
 * Brings the database to `target` (default: the newest migration) in ONE transaction under an advisory lock.
 * Several API instances starting at once take turns on the lock: the first applies the migrations, the others then
 * find nothing to do. PostgreSQL's DDL is transactional, so a failing migration leaves the database untouched.
 * (The lock is transaction-scoped: it is released by COMMIT or ROLLBACK even if this process dies mid-way.)
 */
export async function migrate(db: Database, migrations: readonly Migration[], now: Date, target = migrations.length): Promise<MigrationReport> {
  return db.transaction(async (tx) => {
    await tx.query(LOCK_SQL, [LOCK_CLASS]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer     PRIMARY KEY CHECK (version > 0),
      name       text        NOT NULL,
      checksum   text        NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const { rows: applied } = await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    checkApplied(applied, migrations);
    const from = applied.at(-1)?.version ?? 0;
    const pending = migrations.filter((m) => m.version > from && m.version <= target);
    for (const migration of pending) {
      try {
        await tx.exec(migration.sql);
      } catch (cause) {
        throw new MigrationError(
          'migration_failed',
          `Could not apply migration ${String(migration.version)} (${migration.name}): ${(cause as Error).message}. Nothing has been changed.`,
          { cause },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [
        migration.version,
        migration.name,
        migration.checksum,
        now.toISOString(),
      ]);
    }
    return { from, to: Math.max(from, pending.at(-1)?.version ?? from), applied: pending.map((m) => m.version) };
  });
}
