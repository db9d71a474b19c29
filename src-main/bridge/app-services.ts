import type { Result } from '../../src-shared/result';
import { LOCAL_MIGRATIONS } from '../store/local-migrations';
import { openStore, type Store } from '../store/open-store';
import { StoreError } from '../store/store-error';
import type { Timers } from '../sync/engine/ports';
import { createMemoryVault, type TokenVault } from '../sync/engine/token-vault';
import { createStorePort } from '../sync/store-port';
import { createSyncService, noSyncService, type SyncService } from '../sync/sync-service';
import { createDispatcher, type Logger } from './dispatch';
import { createSerialGate } from './serial-gate';

export interface AppServicesOptions {
  /** Directory holding custodian.db; created if missing. */
  readonly dataDir: string;
  readonly shell: 'electron' | 'web';
  readonly version: string;
  /** Where the sign-in token is kept: Electron's safeStorage vault; memory only when omitted (the web shell). */
  readonly tokenVault?: TokenVault;
  readonly log?: Logger;
  readonly clock?: () => Date;
  /** The HTTP client for the central API (tests pass their own). */
  readonly fetch?: typeof fetch;
  /** Sync's timers (debounce, polling, backoff, poke reconnects) and jitter; tests pass their own so nothing waits. */
  readonly timers?: Timers;
  readonly random?: () => number;
}

/** Everything the shells (Electron IPC, web shell HTTP) need: one dispatch function over the handler table. */
export interface AppServices {
  /** Validates `method` and `input` against the handler table and runs the handler; never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Why the store could not be opened, if it could not; the app still runs and tells the person. */
  readonly storeError: StoreError | undefined;
  /** Background sync with the central API; started here, stopped by close(). */
  readonly sync: SyncService;
  close(): void;
}

const consoleLogger: Logger = {
  info: (details, message) => {
    console.info(message, details);
  },
  error: (details, message) => {
    console.error(message, details);
  },
};

export function openAppServices(options: AppServicesOptions): AppServices {
  const log = options.log ?? consoleLogger;
  const clock = options.clock ?? (() => new Date());
  let store: Store | StoreError;
  try {
    store = openStore(options.dataDir, LOCAL_MIGRATIONS);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    log.error({ code: error.code, dataDir: options.dataDir }, error.message);
    store = error;
  }
  // One gate for the app's calls and the sync engine's store work: a pull run and a mutation never interleave.
  const gate = createSerialGate();
  const sync =
    store instanceof StoreError
      ? noSyncService
      : createSyncService({
          store: createStorePort(store.db, clock),
          exclusive: gate,
          vault: options.tokenVault ?? createMemoryVault(),
          dataDir: options.dataDir,
          clock,
          log: { info: (details, message) => log.info?.(details, `[sync] ${message}`), error: (details, message) => log.error(details, `[sync] ${message}`) },
          fetch: options.fetch,
          timers: options.timers,
          random: options.random,
        });
  const dispatch = createDispatcher({
    store,
    info: { version: options.version, shell: options.shell, dataDir: options.dataDir },
    actorId: () => sync.actorId(),
    clock,
    log,
    gate,
    sync,
  });
  sync.start().catch((error: unknown) => {
    log.error({ error }, '[sync] could not start');
  });
  return {
    dispatch,
    storeError: store instanceof StoreError ? store : undefined,
    sync,
    close: () => {
      // Stops timers and aborts requests at once; a pull run under way is rolled back when the store closes.
      sync.stop().catch((error: unknown) => {
        log.error({ error }, '[sync] could not stop cleanly');
      });
      if (!(store instanceof StoreError)) store.close();
    },
  };
}
