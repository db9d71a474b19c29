import type { SyncAccount, SyncStatus } from '../../../src-shared/sync/sync-status';
import type { BackoffPolicy } from './backoff';
import type { WriteRecovery } from './local-data';
import type { Exclusive, PokeSource, SyncStorePort, SyncTransport, Timers } from './ports';
import type { TokenVault } from './token-vault';

// The sync engine's options and surface (sync-engine.ts builds it), kept apart so that file holds only the loop itself.

export const DEFAULT_POLL_INTERVAL_MS = 60_000;
/** Long enough that a burst of edits goes in one push; short enough that a change reaches others promptly. */
export const DEFAULT_DEBOUNCE_MS = 1_500;

export interface EngineLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SyncEngineOptions {
  readonly store: SyncStorePort;
  /** The bridge's serial gate: every store call, and each whole pull run, goes through it. */
  readonly exclusive: Exclusive;
  readonly vault: TokenVault;
  readonly transportFor: (serverUrl: string) => SyncTransport;
  readonly pokesFor: (serverUrl: string) => PokeSource;
  readonly timers: Timers;
  readonly random: () => number;
  readonly log: EngineLogger;
  /** Where a disabled account's unsent changes go before its data is removed (recovery-file.ts). */
  readonly writeRecovery: WriteRecovery;
  readonly backoff?: BackoffPolicy;
  readonly pollIntervalMs?: number;
  readonly debounceMs?: number;
  /** The longest random pause between a poke and the pull it starts (poke-jitter.ts). */
  readonly pokeJitterMs?: number;
}

/** A signed-in account and its token. */
export interface Session {
  readonly account: SyncAccount;
  readonly token: string;
}

export interface SyncEngine {
  /** Reads the account from the store and, with a token in the vault, starts syncing. */
  start(): Promise<void>;
  /** Stops for good (the app is quitting): timers cleared, requests aborted, a pull run under way rolled back. */
  stop(): Promise<void>;
  status(): SyncStatus;
  /** Syncs now (after the one under way, if any) and answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  /** A local write committed: update the count of waiting changes and sync soon (debounced). */
  localWrite(): void;
  /** Stops syncing and waits for a cycle under way to end, before sign-in or sign-out change the store. */
  pause(): Promise<void>;
  /** Starts syncing as this session (after sign-in). */
  begin(session: Session): void;
  /** Forgets the account (after sign-out): nothing to sync. */
  forget(): void;
  /** Re-reads the counts shown in the status (waiting changes, refused changes, last sync). */
  refreshCounts(): Promise<void>;
  /** The signed-in person, for the mutations made on this desktop; null when nobody is. */
  actorId(): string | null;
  /** Resolves once no cycle is under way (nor queued behind one). */
  idle(): Promise<void>;
}

