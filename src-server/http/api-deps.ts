import type { ServerConfig } from '../config/server-config';
import type { Database } from '../db/database';
import type { Migration } from '../db/migrations';
import type { SyncOptions, SyncRuntime } from '../sync/sync-runtime';
import type { Clock } from '../time/clock';

/** Everything the API's handlers need, passed in: no module-level state, so tests build as many APIs as they like. */
export interface ApiDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: ServerConfig;
  /** The migrations this build carries: /readyz compares the database's schema with the newest. */
  readonly migrations: readonly { readonly version: Migration['version'] }[];
  readonly version: string;
  readonly sync?: SyncOptions;
}

/** What createApi builds from ApiDeps for the handlers: state that lives exactly as long as the app. */
export interface ApiServices {
  readonly sync: SyncRuntime;
}
