import type { DepartmentScale } from '../../../src-shared/demo/scale';
import { benchFirstSyncEndToEnd, type FirstSyncResult } from './first-sync/first-sync-e2e';
import { benchSyncApply, generateSyncRows, type SyncApplyResult } from './sync-apply';
import { benchPull, type PullBenchResult } from './sync-pull';
import { benchPush, type PushBenchResult } from './sync-push';
import { meets } from './target';

/** The sync targets for this 2-core machine. */
export const SYNC_TARGETS = {
  first_sync_rows_per_s: { limit: 50_000, better: 'higher' },
  first_sync_vs_raw_ratio: { limit: 3, better: 'lower' },
  push_mutations_per_s: { limit: 2_000, better: 'higher' },
  pull_p95_ms: { limit: 50, better: 'lower' },
} as const;

export interface SyncMeasured {
  /** The headline: an empty desktop's first sync over HTTP from the central API, as the app runs it. */
  readonly firstSync: FirstSyncResult;
  /** The same rows applied by the store alone (no server, no HTTP), beside raw inserts of them. */
  readonly storeApply: SyncApplyResult;
  readonly push: PushBenchResult;
  readonly pull: PullBenchResult;
}

export interface SyncBenchOptions {
  readonly scale: DepartmentScale;
  readonly pushMutations: number;
  readonly pullClients: number;
  /** PostgreSQL for the push and pull measurements (CI and production); omitted: embedded PGlite. */
  readonly databaseUrl?: string;
}

/**
 * The sync figures: a first sync of the whole department (every person and asset, the IT service desk's scope) into
 * an empty desktop beside raw inserts of the same rows; a push of queued mutations through HTTP; and pulls of 100
 * line managers' desktops at once. Each runs on its own data, one after the other.
 */
export async function benchSync(options: SyncBenchOptions, log: (line: string) => void): Promise<SyncMeasured> {
  const rows = (options.scale.people + options.scale.assets).toLocaleString('en-GB');
  const asOf = new Date().toISOString();
  log(`Measuring first sync: ${rows} rows from the central API into an empty desktop over HTTP (the central database is loaded first) …`);
  const firstSync = await benchFirstSyncEndToEnd(options.scale, asOf, options.databaseUrl);
  log(`  … ${firstSync.rows.toLocaleString('en-GB')} rows in ${(firstSync.ms / 1000).toFixed(1)} s: ${firstSync.rowsPerSecond.toLocaleString('en-GB')} rows/s`);
  log(`Measuring the store's side of it: the same rows applied without a server, and raw inserts of them …`);
  const storeApply = await benchSyncApply(generateSyncRows(options.scale, asOf));
  log(`Measuring push: ${options.pushMutations.toLocaleString('en-GB')} queued mutations …`);
  const push = await benchPush({ mutations: options.pushMutations, databaseUrl: options.databaseUrl });
  log(`Measuring pull: ${String(options.pullClients)} line managers' desktops pulling at once …`);
  const pull = await benchPull({ clients: options.pullClients, databaseUrl: options.databaseUrl });
  return { firstSync, storeApply, push, pull };
}

/** The figures under the names. */
export function syncHeadline(m: SyncMeasured) {
  return {
    first_sync_rows_per_s: m.firstSync.rowsPerSecond,
    raw_insert_rows_per_s: m.storeApply.rawInsertRowsPerSecond,
    // Per row: the first sync's time per row over the raw inserts' (the two move slightly different row counts).
    first_sync_vs_raw_ratio: Math.round((m.storeApply.rawInsertRowsPerSecond / m.firstSync.rowsPerSecond) * 100) / 100,
    push_mutations_per_s: Math.round(m.push.mutationsPerSecond),
    pull_p95_ms: Math.round(m.pull.steady.p95 * 100) / 100,
  };
}

function passes(key: keyof typeof SYNC_TARGETS, value: number): boolean {
  return meets(SYNC_TARGETS[key], value);
}

export function syncPasses(m: SyncMeasured): Record<keyof typeof SYNC_TARGETS, boolean> {
  const h = syncHeadline(m);
  return {
    first_sync_rows_per_s: passes('first_sync_rows_per_s', h.first_sync_rows_per_s),
    first_sync_vs_raw_ratio: passes('first_sync_vs_raw_ratio', h.first_sync_vs_raw_ratio),
    push_mutations_per_s: passes('push_mutations_per_s', h.push_mutations_per_s),
    pull_p95_ms: passes('pull_p95_ms', h.pull_p95_ms),
  };
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const verdict = (pass: boolean) => (pass ? 'pass' : 'FAIL');

/** The sync part of the printed table. */
export function formatSync(m: SyncMeasured): string[] {
  const h = syncHeadline(m);
  const p = syncPasses(m);
  const line = (label: string, value: string, target: string, pass: boolean) =>
    `${label.padEnd(62)}${value.padStart(14)}  ${target.padStart(14)}  ${verdict(pass)}`;
  return [
    '',
    `Sync (against the central API on ${m.push.backend === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})`,
    line(`First sync into an empty desktop: rows/s (${n(m.firstSync.rows)} rows)`, n(h.first_sync_rows_per_s), '≥ 50,000', p.first_sync_rows_per_s),
    line('Raw better-sqlite3 inserts of the same rows: rows/s', n(h.raw_insert_rows_per_s), '', true).replace(/pass$/, ''),
    line('First sync vs raw inserts (times slower)', h.first_sync_vs_raw_ratio.toFixed(2), '≤ 3', p.first_sync_vs_raw_ratio),
    line(`Push: mutations/s (${n(m.push.mutations)} queued)`, n(h.push_mutations_per_s), '≥ 2,000', p.push_mutations_per_s),
    line(`Pull p95, line managers' scopes, ${String(m.pull.clients)} concurrent clients (ms)`, h.pull_p95_ms.toFixed(2), '≤ 50', p.pull_p95_ms),
    `  First sync: the sync engine's cycle (runCycle) over HTTP from the central API in a worker thread on ${m.firstSync.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${n(m.firstSync.rows)} rows in ${(m.firstSync.ms / 1000).toFixed(1)} s (central database loaded beforehand in ${m.firstSync.seedSeconds.toFixed(0)} s)`,
    `  Store side alone: ${n(m.storeApply.applyRowsPerSecond)} rows/s (${String(m.storeApply.pages)} pages of ${n(m.storeApply.pageRows)} rows through the pull run, no HTTP); raw: one prepared INSERT per row in one transaction`,
    `  Pull: steady p50 ${m.pull.steady.p50.toFixed(2)} ms; all pulling at once after a change p95 ${m.pull.afterChange.p95.toFixed(2)} ms; nothing changed p95 ${m.pull.unchanged.p95.toFixed(2)} ms`,
  ];
}
