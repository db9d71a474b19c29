import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { LOCAL_MIGRATIONS } from '../../src-main/store/local-migrations';
import { ensureInstallation } from '../../src-main/store/installation';
import { openDatabase, type Store } from '../../src-main/store/open-store';

/** An in-memory store with every migration applied: the default fixture for store and bridge tests. */
export function memoryStore(): Store {
  const db = openDatabase(':memory:', LOCAL_MIGRATIONS);
  return { db, file: ':memory:', installation: ensureInstallation(db), close: () => db.close() };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory removed after the test: no test touches a real data directory. */
export function tempDir(prefix = 'custodian-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fixed clock, so timestamps in assertions are exact. */
export const FIXED_NOW = new Date('2026-11-23T09:30:00.000Z');
export const fixedClock = (): Date => FIXED_NOW;
