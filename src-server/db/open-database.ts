import type { Logger } from '../log/logger';
import type { Database } from './database';
import { openPgDatabase } from './pg-database';
import { openPgliteDatabase } from './pglite-database';

/** Where the central data lives: PostgreSQL (DATABASE_URL) or embedded PGlite in a data directory. */
export type Storage = { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };

/** Opens the configured store. Nothing is migrated here: serving migrates; verifying the audit log must not write. */
export async function openDatabase(storage: Storage, logger: Logger): Promise<Database> {
  if (storage.kind === 'postgres') {
    return openPgDatabase({
      connectionString: storage.url,
      onIdleError: (error) => logger.warn({ err: error }, 'an idle database connection failed; it will be replaced'),
    });
  }
  return openPgliteDatabase(storage.dataDir);
}
