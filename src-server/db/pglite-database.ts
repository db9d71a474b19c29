import { PGlite, type Transaction } from '@electric-sql/pglite';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import type { Database, Queryable, QueryResult } from './database';

/** PGlite keeps its files here, beside the lock file, so the data directory can hold other things later. */
export const PGLITE_SUBDIR = 'pgdata';

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      // affectedRows counts writes only; a SELECT (or … RETURNING) is counted by its rows, as pg does.
      return { rows: result.rows, rowCount: Math.max(result.rows.length, result.affectedRows ?? 0) };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/** The Database interface over an open PGlite; `release` runs after it closes. */
export function pgliteDatabase(db: PGlite, release: () => void = () => undefined): Database {
  const base = queryable(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    // PGlite runs one statement at a time; its transaction() holds that exclusive use until the callback settles.
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    // In-process: PGlite delivers a committed transaction's NOTIFY to its own listeners; nothing to reconnect.
    async listen(channel, onNotify) {
      const stop = await db.listen(channel, onNotify);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** Embedded PostgreSQL (PGlite) stored in `dataDir`, locked to this process while open. */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    return pgliteDatabase(await PGlite.create(join(dataDir, PGLITE_SUBDIR)), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** PGlite in memory, for tests: nothing on disk, gone when closed. `loadDataDir` starts it from a dumped image. */
export async function openMemoryPgliteDatabase(loadDataDir?: Blob | File): Promise<Database> {
  return pgliteDatabase(await PGlite.create(loadDataDir ? { loadDataDir } : {}));
}
