import type { PullRequest, PullResponse, PushedMutation, PushRequest, PushResponse } from '../../../src-shared/sync/protocol';
import type { SyncAccount } from '../../../src-shared/sync/sync-status';
import type { TransportResult } from './transport-errors';

/**
 * What the sync engine needs from the world, as small interfaces: the local store's sync side, the HTTP transport,
 * the poke stream and timers. The engine is tested against fakes of these; the real ones are adapters
 * (store-port.ts over src-main/sync/store, http-transport.ts over fetch, poke-listener.ts, system-timers.ts).
 */

/** The sync bookkeeping the store keeps (table sync_state). */
export interface StoredSyncState {
  readonly account: SyncAccount | null;
  readonly lastSyncedAt: string | null;
}

/** What finishing a pull run did, for the status line. */
export interface PullRunOutcome {
  /** Rejections the server reported in this run (new entries in the "Changes not applied" list). */
  readonly rejections: number;
  /** Pending mutations that failed when replayed on top of the server's state (they stay in the outbox). */
  readonly replayFailures: number;
}

/**
 * One pull run: every page applied in ONE store transaction, committed only after the last page (more = false),
 * so the app never shows a half-synced store. The engine holds the bridge's serial gate from begin to finish/abort.
 */
export interface PullRunPort {
  /** The cookie to pull from: null on a first sync. */
  readonly cookie: string | null;
  apply(page: PullResponse): void | Promise<void>;
  /** Drops confirmed outbox entries, replays the pending ones, saves the cookie and commits. */
  finish(): PullRunOutcome | Promise<PullRunOutcome>;
  /** Rolls the run back; nothing of it stays. */
  abort(): void;
}

/** The local store's sync side. Every call must be made holding the bridge's serial gate. */
export interface SyncStorePort {
  readState(): StoredSyncState;
  /** The installation's client id (it may change when the local data is cleared). */
  clientId(): string;
  pendingCount(): number;
  rejectionCount(): number;
  /** Outbox entries after `afterId`, oldest first: at most `limit` of them and about `maxBytes` of JSON. */
  pendingMutations(afterId: number, limit: number, maxBytes: number): readonly PushedMutation[];
  /** `actorId`: whose pending mutations are replayed (the signed-in person). */
  beginPull(actorId: string): PullRunPort;
  saveAccount(account: SyncAccount): void;
  clearAccount(): void;
  /** True when the store holds records or unsent changes (anything a new account must not inherit). */
  hasLocalData(): boolean;
  /** The unsent changes as a JSON value, for a recovery file. */
  exportOutbox(): unknown;
  /** Removes every record, the outbox, the rejections and the sync cookie. */
  clearLocalData(): void;
}

/** The serial gate of the bridge: runs `work` with the store to itself. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export interface SignInReply {
  readonly token: string;
  readonly personId: string;
  readonly mustChangePassword: boolean;
}

export interface MeReply {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** The central API, for one server address. Every answer is a value: nothing is thrown. */
export interface SyncTransport {
  readonly serverUrl: string;
  signIn(body: { email: string; password: string; clientId: string }, signal?: AbortSignal): Promise<TransportResult<SignInReply>>;
  changePassword(token: string, body: { currentPassword: string; newPassword: string }, signal?: AbortSignal): Promise<TransportResult<null>>;
  me(token: string, signal?: AbortSignal): Promise<TransportResult<MeReply>>;
  signOut(token: string, signal?: AbortSignal): Promise<TransportResult<null>>;
  push(token: string, body: PushRequest, signal?: AbortSignal): Promise<TransportResult<PushResponse>>;
  pull(token: string, body: PullRequest, signal?: AbortSignal): Promise<TransportResult<PullResponse>>;
}

/** The server's refusal of the poke stream's session (401): its error code and message, when it sent them. */
export interface PokeAuthFailure {
  /** 'unauthorised', 'account_disabled' (src-shared/auth/auth-error-codes.ts), or 'http_401' without a readable body. */
  readonly code: string;
  readonly message: string | null;
}

export interface PokeHandlers {
  onPoke(): void;
  onAuthFailure(failure: PokeAuthFailure): void;
}

/** Listens for pokes while signed in; `stop` ends the stream and any reconnect. */
export interface PokeSource {
  start(token: string, handlers: PokeHandlers): { stop(): void };
}

/** Whatever the timer implementation hands back (Node's Timeout object, a number in tests). */
export type TimerHandle = object | number;

/** setTimeout/clearTimeout, injectable so tests run schedules without waiting. */
export interface Timers {
  set(callback: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export const systemTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
