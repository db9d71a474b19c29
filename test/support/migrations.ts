import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_MIGRATIONS } from '../../src-main/store/local-migrations';
import { migrate } from '../../src-main/store/migrate';
import type { Migration } from '../../src-main/store/migrations';

/**
 * The data-changing migration test pattern (DESIGN.md, Testing): open a store at version N-1, insert rows the way
 * version N-1 stored them, migrate to N, assert what became of them.
 *
 *   const db = storeAtVersion(N - 1);
 *   db.prepare('INSERT INTO … VALUES (…)').run(…);
 *   migrateTo(db, N);
 *   expect(db.prepare('SELECT …').get()).toEqual(…);
 *
 * Put it in test/main/store/migrations/NNNN_<name>.test.ts; migration-coverage.test.ts fails until it exists.
 */
export function storeAtVersion(version: number, migrations: readonly Migration[] = LOCAL_MIGRATIONS): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

export function migrateTo(db: Database.Database, version: number, migrations: readonly Migration[] = LOCAL_MIGRATIONS): void {
  migrate(db, migrations, version);
}

/** A migration that touches existing rows (rather than only creating new, empty things) needs its own test. */
export function isDataChanging(sql: string): boolean {
  const code = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  // Statement shapes, not bare keywords: "ON DELETE RESTRICT" in a CREATE TABLE changes no data.
  return /\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bREPLACE\s+INTO\b|\bUPDATE\s+["\w]+\s+SET\b|\bDELETE\s+FROM\b|\bALTER\s+TABLE\b|\bDROP\s+(TABLE|COLUMN)\b|\bCREATE\s+TABLE\b[^;]*\bAS\s+SELECT\b/i.test(
    code,
  );
}

export const MIGRATION_TESTS_DIR = join(import.meta.dirname, '..', 'main', 'store', 'migrations');

export function migrationTestFiles(): string[] {
  return readdirSync(MIGRATION_TESTS_DIR).filter((name) => /^\d{4}_.+\.test\.ts$/.test(name));
}
