import type { DepartmentScale } from '../../../src-shared/demo/scale';
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
  readonly firstSync: SyncApplyResult;
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
  log(`Measuring first sync: ${(options.scale.people + options.scale.assets).toLocaleString('en-GB')} rows into an empty desktop, and raw inserts of the same rows …`);
  const firstSync = await benchSyncApply(generateSyncRows(options.scale, new Date().toISOString()));
  log(`Measuring push: ${options.pushMutations.toLocaleString('en-GB')} queued mutations …`);
  const push = await benchPush({ mutations: options.pushMutations, databaseUrl: options.databaseUrl });
  log(`Measuring pull: ${String(options.pullClients)} line managers' desktops pulling at once …`);
  const pull = await benchPull({ clients: options.pullClients, databaseUrl: options.databaseUrl });
  return { firstSync, push, pull };
}

/** The figures under the names. */
export function syncHeadline(m: SyncMeasured) {
  return {
    first_sync_rows_per_s: m.firstSync.applyRowsPerSecond,
    raw_insert_rows_per_s: m.firstSync.rawInsertRowsPerSecond,
    first_sync_vs_raw_ratio: Math.round(m.firstSync.applyVsRawRatio * 100) / 100,
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
    `Sync (push and pull against the central API on ${m.push.backend === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})`,
    line(`First sync into an empty desktop: rows/s (${n(m.firstSync.rows)} rows)`, n(h.first_sync_rows_per_s), '≥ 50,000', p.first_sync_rows_per_s),
    line('Raw better-sqlite3 inserts of the same rows: rows/s', n(h.raw_insert_rows_per_s), '', true).replace(/pass$/, ''),
    line('First sync vs raw inserts (times slower)', h.first_sync_vs_raw_ratio.toFixed(2), '≤ 3', p.first_sync_vs_raw_ratio),
    line(`Push: mutations/s (${n(m.push.mutations)} queued)`, n(h.push_mutations_per_s), '≥ 2,000', p.push_mutations_per_s),
    line(`Pull p95, line managers' scopes, ${String(m.pull.clients)} concurrent clients (ms)`, h.pull_p95_ms.toFixed(2), '≤ 50', p.pull_p95_ms),
    `  First sync: the pulled pages (${String(m.firstSync.pages)} of ${n(m.firstSync.pageRows)} rows) applied by the desktop's pull run; raw: one prepared INSERT per row in one transaction`,
    `  Pull: steady p50 ${m.pull.steady.p50.toFixed(2)} ms; all pulling at once after a change p95 ${m.pull.afterChange.p95.toFixed(2)} ms; nothing changed p95 ${m.pull.unchanged.p95.toFixed(2)} ms`,
  ];
}
