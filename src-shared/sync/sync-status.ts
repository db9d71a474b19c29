import type { Rejection } from './protocol';

/**
 * Where this desktop stands with the central API, as the sync engine reports it to the UI:
 * - local_only: never signed in; everything stays on this computer.
 * - signed_out: was signed in, but the sign-in ended (expired, revoked): changes are kept; or the account was disabled:
 *   its unsent changes were saved to a recovery file and its records removed (`reason` says which).
 * - syncing: a push and pull is under way.
 * - synced: the last sync worked.
 * - offline: the server cannot be reached; changes are kept and sent when it is back.
 * - update_required: the server speaks a newer sync protocol; this version of Custodian must be updated.
 * - error: the server refused the sync for another reason; it is retried, and `message` says why.
 */
export const SYNC_STATES = ['local_only', 'signed_out', 'syncing', 'synced', 'offline', 'update_required', 'error'] as const;

export type SyncState = (typeof SYNC_STATES)[number];

/**
 * Why the desktop is signed out: the sign-in ended (expired, revoked, signed out elsewhere: sign in again and carry on,
 * everything kept), or the account was disabled (its records were removed from this computer; it cannot sign in again).
 */
export const SIGNED_OUT_REASONS = ['session_ended', 'account_disabled'] as const;

export type SignedOutReason = (typeof SIGNED_OUT_REASONS)[number];

/** The account this installation is bound to. */
export interface SyncAccount {
  readonly serverUrl: string;
  readonly personId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** How far a first sync (or a reset) has got: rows received so far, and the total when the server knows it. */
export interface SyncProgress {
  readonly done: number;
  readonly total: number | null;
}

export interface SyncStatus {
  readonly state: SyncState;
  /** Local changes waiting to be sent (the outbox). */
  readonly pending: number;
  /** Changes the server refused that the person has not dismissed yet. */
  readonly rejected: number;
  /** When a sync last completed (ISO 8601), or null. */
  readonly lastSyncedAt: string | null;
  /** Set while a first sync (or a reset) is being received. */
  readonly firstSync: SyncProgress | null;
  /** Why the state is what it is, written for the person at the desk; null when there is nothing to say. */
  readonly message: string | null;
  /**
   * With state signed_out: which kind of ending it was (the message says it in words). Optional so that older
   * status values (tests, the web shell's fakes) stay valid; the engine always sets it, null when not signed out.
   */
  readonly reason?: SignedOutReason | null;
  /** A standing fact about this installation (the sign-in is kept in memory only, and why). */
  readonly notice: string | null;
  readonly account: SyncAccount | null;
}

/** Where the sign-in token is kept: encrypted on disk by the operating system's key store, or in memory only. */
export type TokenPersistence = 'encrypted' | 'memory';

export interface SignInResult {
  readonly account: SyncAccount;
  /** The recovery file the earlier unsent changes were written to before the store was cleared, if any. */
  readonly recoveryFile: string | null;
  /** True when the local data (from before sign-in, or another account) was removed before the first sync. */
  readonly clearedLocalData: boolean;
  readonly tokenPersistence: TokenPersistence;
}

export interface SignOutResult {
  /** The recovery file the unsent changes were written to, if there were any. */
  readonly recoveryFile: string | null;
  /** False when the server could not be told (offline): the session then ends by itself when it expires. */
  readonly serverNotified: boolean;
}

/** A change the server did not apply, as the "Changes not applied" list shows it. */
export interface SyncRejection extends Rejection {
  /** When the change was made on this desktop (its clock), if known. */
  readonly madeAt: string | null;
}
