import type { Database } from 'better-sqlite3';
import type { SyncAccount } from '../../../src-shared/sync/sync-status';
import { prepared } from '../../store/prepared';

/**
 * The sync bookkeeping (table sync_state, one row made by migration 0007). The sync engine owns the server and
 * account; the pull run owns the cookie and the time of the last completed sync.
 */
export interface StoredSync {
  /** The server this desktop syncs with: kept across sign-outs, so signing in again needs no address. */
  readonly serverUrl: string | null;
  readonly account: SyncAccount | null;
  /** The last pull's cookie: null before the first sync and after local data is cleared. */
  readonly cookie: string | null;
  readonly lastSyncedAt: string | null;
  readonly lastError: string | null;
}

interface StateRow {
  serverUrl: string | null;
  personId: string | null;
  email: string | null;
  name: string | null;
  roles: string | null;
  cookie: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export function readSyncState(db: Database): StoredSync {
  const row = prepared(
    db,
    `SELECT server_url AS serverUrl, account_person_id AS personId, account_email AS email, account_name AS name,
            account_roles AS roles, cookie, last_synced_at AS lastSyncedAt, last_error AS lastError
       FROM sync_state WHERE singleton = 1`,
  ).get() as StateRow | undefined;
  if (!row) throw new Error('The sync_state row is missing: the store was not migrated to version 7');
  const account =
    row.serverUrl !== null && row.personId !== null && row.email !== null && row.name !== null && row.roles !== null
      ? { serverUrl: row.serverUrl, personId: row.personId, email: row.email, name: row.name, roles: JSON.parse(row.roles) as string[] }
      : null;
  return { serverUrl: row.serverUrl, account, cookie: row.cookie, lastSyncedAt: row.lastSyncedAt, lastError: row.lastError };
}

/** The account this installation is now bound to, at its server. */
export function saveAccount(db: Database, account: SyncAccount): void {
  prepared(
    db,
    `UPDATE sync_state SET server_url = ?, account_person_id = ?, account_email = ?, account_name = ?, account_roles = ?
      WHERE singleton = 1`,
  ).run(account.serverUrl, account.personId, account.email, account.name, JSON.stringify(account.roles));
}

/** Forgets the account (signed out); the server address stays. Records and the cookie are clearLocalData's. */
export function clearAccount(db: Database): void {
  prepared(db, 'UPDATE sync_state SET account_person_id = NULL, account_email = NULL, account_name = NULL, account_roles = NULL WHERE singleton = 1').run();
}

/** Why the last sync failed, for the status line; null once one works. */
export function saveLastError(db: Database, message: string | null): void {
  prepared(db, 'UPDATE sync_state SET last_error = ? WHERE singleton = 1').run(message);
}

/** Saved by the pull run in its own transaction, with the rows the cookie stands for. */
export function saveCookie(db: Database, cookie: string, syncedAt: string): void {
  prepared(db, 'UPDATE sync_state SET cookie = ?, last_synced_at = ? WHERE singleton = 1').run(cookie, syncedAt);
}

/**
 * Makes the next pull start from scratch (the server then sends reset and every row in view): after a bad_cookie
 * answer, or a rewind_incomplete refusal.
 */
export function forgetCookie(db: Database): void {
  prepared(db, 'UPDATE sync_state SET cookie = NULL WHERE singleton = 1').run();
}
