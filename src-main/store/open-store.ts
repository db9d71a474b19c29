import Database, { SqliteError } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstallation, type Installation } from './installation';
import { assertUnderstood, migrate, schemaVersion } from './migrate';
import type { Migration } from './migrations';
import { StoreError } from './store-error';

export const STORE_FILE_NAME = 'custodian.db';

/**
 * The page size of stores created from now on (SQLite's default is 4096). The register keeps a dozen covering
 * indexes and a full-text index with prefix tables, so big writes (an import, a first sync) are mostly index pages:
 * with 8 KB pages a 25,000-row import committed about 12% faster (fewer page splits, fewer pages through the WAL),
 * and the page and search queries were unchanged. SQLite only applies a page size to an empty database, so a store
 * created with 4 KB pages keeps them (changing it needs a VACUUM out of WAL mode, which is not worth forcing).
 */
export const NEW_STORE_PAGE_SIZE = 8192;

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  readonly installation: Installation;
  close(): void;
}

/** Classifies SQLite's open/read failures into messages a person can act on. */
function toStoreError(file: string, cause: unknown): StoreError {
  if (cause instanceof StoreError) return cause;
  const code = cause instanceof SqliteError ? cause.code : '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(
      'store_corrupt',
      `The local data file ${file} is damaged or is not a Custodian data file, so it was not opened or changed. ` +
        'Restore it from a backup, or move it aside to start with an empty store.',
      { cause },
    );
  }
  return new StoreError('store_io', `Could not open the local data file ${file}: ${(cause as Error).message}`, { cause });
}

/**
 * Opens (creating if needed) the store and brings it to the newest schema. The version check happens before any
 * pragma that writes (journal_mode=WAL rewrites the header), so a newer or foreign file is left byte-for-byte untouched.
 */
export function openDatabase(file: string, migrations: readonly Migration[]): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    // The first read: a damaged or foreign file fails here, a newer one is refused here, before anything is written.
    assertUnderstood(schemaVersion(db), migrations.length);
    // Before journal_mode=WAL writes the first page: ignored by SQLite for a database that already has pages.
    db.pragma(`page_size = ${String(NEW_STORE_PAGE_SIZE)}`);
    db.pragma('journal_mode = WAL');
    // better-sqlite3's default is NORMAL, which can lose the last commits on power loss; custody records must not.
    // The setting is per connection, so it is made on every open.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache instead of SQLite's 2 MB: a 300,000-asset register with its covering indexes is a few hundred
    // MB, and with 2 MB every deep page of the register re-read its index pages from the OS, and every large
    // transaction (an import, a first sync) spilled dirty pages into the WAL before it committed, writing them twice.
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
    return db;
  } catch (cause) {
    db?.close();
    throw toStoreError(file, cause);
  }
}

export function openStore(dataDir: string, migrations: readonly Migration[]): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STORE_FILE_NAME);
  const db = openDatabase(file, migrations);
  const installation = ensureInstallation(db);
  return { db, file, installation, close: () => db.close() };
}
