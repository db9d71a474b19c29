import type { SyncSignInInput } from '../../src-shared/api/sync-handlers';
import { err, ok, type Result } from '../../src-shared/result';
import type { SignInResult, SignOutResult, SyncStatus } from '../../src-shared/sync/sync-status';
import { signIn, signOut, type AccountDeps } from './engine/account-flows';
import { createHttpTransport } from './engine/http-transport';
import type { WriteRecovery } from './engine/local-data';
import { createPokeListener } from './engine/poke-listener';
import { systemTimers, type Exclusive, type SyncStorePort, type Timers } from './engine/ports';
import { writeRecoveryFile } from './engine/recovery-file';
import { createSyncEngine, type EngineLogger } from './engine/sync-engine';
import type { TokenVault } from './engine/token-vault';

/** What the bridge's sync handlers and the app's lifecycle use. */
export interface SyncService {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): SyncStatus;
  signIn(input: SyncSignInInput): Promise<Result<SignInResult>>;
  signOut(): Promise<Result<SignOutResult>>;
  syncNow(): Promise<Result<SyncStatus>>;
  /** A local write committed (a mutation, an import): sync soon. */
  localWrite(): void;
  refreshCounts(): Promise<void>;
  /** The signed-in person, recorded as the actor of local mutations; null when nobody is signed in. */
  actorId(): string | null;
}

export interface SyncServiceOptions {
  readonly store: SyncStorePort;
  readonly exclusive: Exclusive;
  readonly vault: TokenVault;
  /** Recovery files are written under it. */
  readonly dataDir: string;
  readonly clock: () => Date;
  readonly log: EngineLogger;
  readonly fetch?: typeof fetch;
  readonly timers?: Timers;
  readonly random?: () => number;
}

/** The sync engine with its real transport, poke listener and account flows. */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const timers = options.timers ?? systemTimers;
  const random = options.random ?? Math.random;
  const transportFor = (serverUrl: string) => createHttpTransport({ serverUrl, fetch: options.fetch, clock: options.clock });
  const writeRecovery: WriteRecovery = (contents) => writeRecoveryFile(options.dataDir, contents, options.clock());
  const engine = createSyncEngine({
    store: options.store,
    exclusive: options.exclusive,
    vault: options.vault,
    transportFor,
    pokesFor: (serverUrl) =>
      createPokeListener({ serverUrl, timers, random, fetch: options.fetch, log: (message) => options.log.info({}, message) }),
    timers,
    random,
    log: options.log,
    writeRecovery,
  });
  const accountDeps: AccountDeps = {
    store: options.store,
    exclusive: options.exclusive,
    vault: options.vault,
    engine,
    transportFor,
    writeRecovery,
  };

  // Sign-in and sign-out each clear and rebind the store: two at once would interleave.
  let busy = false;
  async function oneAtATime<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
    if (busy) return err('conflict', 'Custodian is already signing in or out. Wait for that to finish.');
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  // The app starts sync without waiting for it; account actions wait until start has read the saved account, so
  // "Sync now" at once after start-up does not answer "sign in first" for an account that is in fact saved.
  let started: Promise<void> = Promise.resolve();
  const afterStart = () => started.catch(() => undefined);

  return {
    start: () => {
      started = engine.start();
      return started;
    },
    stop: engine.stop,
    status: engine.status,
    signIn: async (input) => {
      await afterStart();
      return oneAtATime(() => signIn(accountDeps, input));
    },
    signOut: async () => {
      await afterStart();
      return oneAtATime(() => signOut(accountDeps));
    },
    async syncNow() {
      await afterStart();
      if (engine.status().account === null) return err('conflict', 'Sign in to a Custodian server first.');
      return ok(await engine.syncNow());
    },
    localWrite: engine.localWrite,
    refreshCounts: engine.refreshCounts,
    actorId: engine.actorId,
  };
}

const NO_SYNC = 'Sync is not available in this copy of Custodian.';

/** For dispatchers built without sync (tools, tests): local only, and every sync action says so. */
export const noSyncService: SyncService = {
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  status: () => ({ state: 'local_only', pending: 0, rejected: 0, lastSyncedAt: null, firstSync: null, message: NO_SYNC, notice: null, account: null }),
  signIn: () => Promise.resolve(err('store_unavailable', NO_SYNC)),
  signOut: () => Promise.resolve(err('store_unavailable', NO_SYNC)),
  syncNow: () => Promise.resolve(err('store_unavailable', NO_SYNC)),
  localWrite: () => undefined,
  refreshCounts: () => Promise.resolve(),
  actorId: () => null,
};
