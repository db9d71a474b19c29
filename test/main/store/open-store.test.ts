import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_MIGRATIONS } from '../../../src-main/store/local-migrations';
import { NEW_STORE_PAGE_SIZE, openStore, STORE_FILE_NAME } from '../../../src-main/store/open-store';
import { StoreError } from '../../../src-main/store/store-error';
import { tempDir } from '../../support/store';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function captureStoreError(open: () => unknown): StoreError {
  try {
    open();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected the store to be refused');
}

describe('openStore', () => {
  it('opens with WAL, synchronous=FULL and foreign keys, at the newest schema version', () => {
    const store = openStore(tempDir(), LOCAL_MIGRATIONS);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('user_version', { simple: true })).toBe(LOCAL_MIGRATIONS.length);
    } finally {
      store.close();
    }
  });

  it('creates new stores with 8 KB pages and leaves an existing 4 KB store as it is', () => {
    const fresh = openStore(tempDir(), LOCAL_MIGRATIONS);
    try {
      expect(fresh.db.pragma('page_size', { simple: true })).toBe(NEW_STORE_PAGE_SIZE);
    } finally {
      fresh.close();
    }
    const dir = tempDir();
    const old = new Database(join(dir, STORE_FILE_NAME));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (n INTEGER)');
    old.close();
    // A store made before 8 KB pages (a 4 KB database with pages already in it) keeps its page size when opened.
    const reopened = openStore(dir, LOCAL_MIGRATIONS);
    try {
      expect(reopened.db.pragma('page_size', { simple: true })).toBe(4096);
      expect(reopened.db.pragma('user_version', { simple: true })).toBe(LOCAL_MIGRATIONS.length);
    } finally {
      reopened.close();
    }
  });

  it('sets synchronous=FULL again on every open (it is a per-connection setting)', () => {
    const dir = tempDir();
    openStore(dir, LOCAL_MIGRATIONS).close();
    const again = openStore(dir, LOCAL_MIGRATIONS);
    try {
      expect(again.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      again.close();
    }
  });

  it('makes every table STRICT', () => {
    const store = openStore(tempDir(), LOCAL_MIGRATIONS);
    try {
      const tables = store.db
        .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string; strict: number }[];
      expect(tables.length).toBeGreaterThanOrEqual(4);
      expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('keeps one client id for the life of the store', () => {
    const dir = tempDir();
    const first = openStore(dir, LOCAL_MIGRATIONS);
    const clientId = first.installation.clientId;
    first.close();
    const second = openStore(dir, LOCAL_MIGRATIONS);
    try {
      expect(second.installation.clientId).toBe(clientId);
      expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      second.close();
    }
  });

  it('refuses a store from a newer app version with a clear message and leaves the file untouched', () => {
    const dir = tempDir();
    const file = join(dir, STORE_FILE_NAME);
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.pragma(`user_version = ${String(LOCAL_MIGRATIONS.length + 5)}`);
    future.close();
    const before = sha256(file);

    const error = captureStoreError(() => openStore(dir, LOCAL_MIGRATIONS));

    expect(error.code).toBe('store_newer');
    expect(error.message).toContain('newer version of Custodian');
    expect(error.message).toContain(`data version ${String(LOCAL_MIGRATIONS.length + 5)}`);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a damaged or foreign file with a clear message and leaves it untouched', () => {
    const dir = tempDir();
    const file = join(dir, STORE_FILE_NAME);
    writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    const before = sha256(file);

    const error = captureStoreError(() => openStore(dir, LOCAL_MIGRATIONS));

    expect(error.code).toBe('store_corrupt');
    expect(error.message).toContain('damaged or is not a Custodian data file');
    expect(sha256(file)).toBe(before);
  });
});
