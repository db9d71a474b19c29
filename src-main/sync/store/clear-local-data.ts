import type { Database } from 'better-sqlite3';
import { newId } from '../../../src-shared/ids';
import type { Installation } from '../../store/installation';
import { prepared } from '../../store/prepared';
import { SyncStoreError } from './sync-store-error';
import { wipeSyncedTables } from './wipe';

/**
 * Removes the signed-in person's local data (sign-out, a disabled account, another person signing in): every synced
 * row and the search index, the outbox and its undo records, the rejections, the account and the cookie, in one
 * transaction. The server address stays. Export the outbox first (exportOutbox): unsent changes go with it.
 *
 * The installation gets a NEW client id, its mutation counter back at 0: the server binds a client id to one account
 * for ever, and numbers its mutations from where that client left off. Returns it: callers that kept the old one
 * (the bridge's mutation environment) must use this from now on.
 */
export function clearLocalData(db: Database): Installation {
  if (db.inTransaction) {
    throw new SyncStoreError('busy', 'The local data could not be cleared because another change was still being saved. Try again.');
  }
  // Off for the truncation: with them on, deleting a manager before their reports would be refused row by row.
  db.pragma('foreign_keys = OFF');
  try {
    const clientId = newId();
    db.transaction(() => {
      wipeSyncedTables(db);
      prepared(db, 'DELETE FROM outbox').run();
      prepared(db, 'DELETE FROM undo_log').run();
      prepared(db, 'DELETE FROM sync_rejections').run();
      prepared(
        db,
        `UPDATE sync_state SET account_person_id = NULL, account_email = NULL, account_name = NULL, account_roles = NULL,
                cookie = NULL, last_synced_at = NULL, last_error = NULL WHERE singleton = 1`,
      ).run();
      prepared(db, 'UPDATE installation SET client_id = ?, last_mutation_id = 0 WHERE singleton = 1').run(clientId);
    }).immediate();
    return { clientId };
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** True when the store holds records or unsent changes: anything a different account must not inherit. */
export function hasLocalData(db: Database): boolean {
  const row = prepared(
    db,
    `SELECT EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM assets) OR EXISTS (SELECT 1 FROM asset_events)
         OR EXISTS (SELECT 1 FROM aup_acknowledgements) OR EXISTS (SELECT 1 FROM security_incidents) OR EXISTS (SELECT 1 FROM outbox) AS any`,
  ).get() as { any: number };
  return row.any === 1;
}
