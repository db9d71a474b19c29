import type { Database } from 'better-sqlite3';
import { newId } from '../../src-shared/ids';
import { prepared } from './prepared';

export interface Installation {
  /** Bound to this store for its whole life: the server tells desktops apart (and orders their mutations) by it. */
  readonly clientId: string;
}

export function ensureInstallation(db: Database): Installation {
  db.prepare('INSERT OR IGNORE INTO installation (singleton, client_id, created_at) VALUES (1, ?, ?)').run(
    newId(),
    new Date().toISOString(),
  );
  const row = db.prepare('SELECT client_id AS clientId FROM installation WHERE singleton = 1').get() as Installation;
  return row;
}

/**
 * Hands out the next mutation id. Called inside the mutator's transaction, so a rollback takes the id back: no gaps.
 * An UPDATE and a SELECT, not UPDATE … RETURNING: RETURNING makes the statement open a savepoint, and every savepoint
 * makes FTS5 flush the search terms of the batch so far to disk (see search-index.ts).
 */
export function nextMutationId(db: Database): number {
  const bumped = prepared(db, 'UPDATE installation SET last_mutation_id = last_mutation_id + 1 WHERE singleton = 1').run().changes;
  if (bumped !== 1) throw new Error('The installation record is missing; the store was not opened with openStore');
  return (prepared(db, 'SELECT last_mutation_id AS id FROM installation WHERE singleton = 1').get() as { id: number }).id;
}
