import type { FastifyBaseLogger } from 'fastify';
import { PULL_PAGE_ROWS } from '../../src-shared/sync/protocol';
import type { ServerConfig } from '../config/server-config';
import type { Database } from '../db/database';
import type { Clock } from '../time/clock';
import { intervalTicker, PokeHub, type Ticker } from './poke/poke-hub';
import { DEFAULT_MAX_MUTATION_AGE_DAYS } from './push/mutation-time';
import { ScopeCache } from './pull/scope';
import { NewestVersions } from './pull/table-newest';

/** Seconds between heartbeats on a poke stream: under the 30–60 s idle timeouts of common proxies. */
export const POKE_HEARTBEAT_MS = 25_000;

/** Sync settings an API can be built with; tests shrink pages and beat the poke heart by hand. */
export interface SyncOptions {
  /** Operations per pull page (default PULL_PAGE_ROWS). */
  readonly pullPageRows?: number;
  readonly heartbeatMs?: number;
  readonly ticker?: Ticker;
  /** How many days a pushed mutation's own time may lie before the server's (default DEFAULT_MAX_MUTATION_AGE_DAYS). */
  readonly maxMutationAgeDays?: number;
}

/** What sync keeps for as long as an API instance runs: its poke streams, scopes and newest table versions. */
export interface SyncRuntime {
  readonly pokes: PokeHub;
  readonly scopes: ScopeCache;
  readonly newest: NewestVersions;
  readonly pullPageRows: number;
  readonly maxMutationAgeDays: number;
}

export function createSyncRuntime(
  deps: { readonly db: Database; readonly clock: Clock; readonly config: ServerConfig; readonly sync?: SyncOptions },
  log: FastifyBaseLogger,
): SyncRuntime {
  const options = deps.sync ?? {};
  return {
    pokes: new PokeHub({
      db: deps.db,
      clock: deps.clock,
      sessions: deps.config.sessions,
      log,
      heartbeatMs: options.heartbeatMs ?? POKE_HEARTBEAT_MS,
      ticker: options.ticker ?? intervalTicker,
    }),
    scopes: new ScopeCache(),
    newest: new NewestVersions(),
    pullPageRows: options.pullPageRows ?? PULL_PAGE_ROWS,
    maxMutationAgeDays: options.maxMutationAgeDays ?? DEFAULT_MAX_MUTATION_AGE_DAYS,
  };
}
