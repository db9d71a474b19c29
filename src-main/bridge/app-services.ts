import type { Result } from '../../src-shared/result';
import { LOCAL_MIGRATIONS } from '../store/local-migrations';
import { openStore, type Store } from '../store/open-store';
import { StoreError } from '../store/store-error';
import { createDispatcher, type Logger } from './dispatch';

export interface AppServicesOptions {
  /** Directory holding custodian.db; created if missing. */
  readonly dataDir: string;
  readonly shell: 'electron' | 'web';
  readonly version: string;
  readonly log?: Logger;
  readonly clock?: () => Date;
}

/** Everything the shells (Electron IPC, web shell HTTP) need: one dispatch function over the handler table. */
export interface AppServices {
  /** Validates `method` and `input` against the handler table and runs the handler; never throws. */
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Why the store could not be opened, if it could not; the app still runs and tells the person. */
  readonly storeError: StoreError | undefined;
  close(): void;
}

const consoleLogger: Logger = {
  error: (details, message) => {
    console.error(message, details);
  },
};

export function openAppServices(options: AppServicesOptions): AppServices {
  const log = options.log ?? consoleLogger;
  let store: Store | StoreError;
  try {
    store = openStore(options.dataDir, LOCAL_MIGRATIONS);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    log.error({ code: error.code, dataDir: options.dataDir }, error.message);
    store = error;
  }
  const dispatch = createDispatcher({
    store,
    info: { version: options.version, shell: options.shell, dataDir: options.dataDir },
    actorId: null,
    clock: options.clock ?? (() => new Date()),
    log,
  });
  return {
    dispatch,
    storeError: store instanceof StoreError ? store : undefined,
    close: () => {
      if (!(store instanceof StoreError)) store.close();
    },
  };
}
