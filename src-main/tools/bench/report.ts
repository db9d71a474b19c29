import { cpus, loadavg } from 'node:os';
import type { DepartmentScale } from '../../../src-shared/demo/scale';
import type { DatasetInfo } from './dataset';
import type { ImportResult } from './import-throughput';
import type { PageResult } from './page-bench';
import type { RenderResult } from './render-bench';
import type { SearchResult } from './search-bench';
import { median, type Summary } from './stats';
import { meets } from './target';
import { formatSync, SYNC_TARGETS, syncHeadline, syncPasses, type SyncMeasured } from './sync-bench';

/** The issue's targets for this 2-core machine. */
export const TARGETS = {
  search_p95_ms: { limit: 5, better: 'lower' },
  page_query_p95_ms: { limit: 10, better: 'lower' },
  import_rows_per_s: { limit: 20_000, better: 'higher' },
  first_list_render_ms: { limit: 500, better: 'lower' },
} as const;

type Key = keyof typeof TARGETS;

export interface Measured {
  readonly scale: DepartmentScale;
  readonly dataset: DatasetInfo & { readonly reused: boolean };
  readonly loadAtStart: readonly number[];
  readonly search: SearchResult;
  readonly page: PageResult;
  readonly importing: ImportResult;
  readonly render: RenderResult | { readonly skipped: string };
  readonly sync: SyncMeasured | { readonly skipped: string };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const round2 = (value: number) => Math.round(value * 100) / 100;

function passes(key: Key, value: number | null): boolean | null {
  if (value === null || Number.isNaN(value)) return null;
  return meets(TARGETS[key], value);
}

function verdict(key: Key, value: number | null): string {
  const pass = passes(key, value);
  return pass === null ? 'not run' : pass ? 'pass' : 'FAIL';
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
}

function summaryLines(title: string, groups: Readonly<Record<string, Summary>>): string[] {
  return [
    `  ${title}`,
    ...Object.entries(groups).map(
      ([name, s]) =>
        `    ${name.padEnd(16)} n=${String(s.samples).padStart(5)}  p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  max ${ms(s.max).padStart(10)}`,
    ),
  ];
}

function headline(m: Measured): Record<Key, number | null> {
  return {
    search_p95_ms: round2(m.search.overall.p95),
    page_query_p95_ms: round2(m.page.overall.p95),
    import_rows_per_s: Math.round(m.importing.rowsPerSecond),
    first_list_render_ms: 'skipped' in m.render ? null : round2(m.render.medianMs),
  };
}

/** The table printed at the end of `npm run bench`. */
export function formatReport(m: Measured): string {
  const figures = headline(m);
  const { scale, dataset } = m;
  const widths = [50, 11, 11, 14, 8];
  const renderNote = 'skipped' in m.render ? `not measured: ${m.render.skipped}` : `median of ${String(m.render.loads.length)} cold loads`;
  return [
    '',
    'Custodian benchmark',
    `  Department  ${scale.people.toLocaleString('en-GB')} people in ${String(scale.levels)} levels, ${scale.assets.toLocaleString('en-GB')} assets (seed ${String(scale.seed)})`,
    `  Data        ${dataset.reused ? 'reused cached store' : 'built this run'} bench/.cache/${dataset.key}, made ${dataset.asOf.slice(0, 10)} by ${dataset.builtWith}: ` +
      `${dataset.mutations.toLocaleString('en-GB')} mutations in ${dataset.buildSeconds.toFixed(1)} s`,
    `  Machine     ${String(cpus().length)} CPUs; load average ${m.loadAtStart.map((l) => l.toFixed(2)).join(' / ')} at start (other work on the machine inflates the figures)`,
    '',
    row(['measure', 'p50', 'p95', 'target', 'result'], widths),
    row(
      [
        `FTS search: asset.search (${m.search.overall.samples.toLocaleString('en-GB')} queries)`,
        ms(m.search.overall.p50),
        ms(m.search.overall.p95),
        'p95 ≤ 5 ms',
        verdict('search_p95_ms', figures.search_p95_ms),
      ],
      widths,
    ),
    row(
      [
        `Page query: asset.page (${m.page.overall.samples.toLocaleString('en-GB')} requests)`,
        ms(m.page.overall.p50),
        ms(m.page.overall.p95),
        'p95 ≤ 10 ms',
        verdict('page_query_p95_ms', figures.page_query_p95_ms),
      ],
      widths,
    ),
    row(
      [
        `Import: rows/s (${m.importing.rows.toLocaleString('en-GB')} rows, median of ${String(m.importing.runs.length)})`,
        '',
        Math.round(m.importing.rowsPerSecond).toLocaleString('en-GB'),
        '≥ 20,000',
        verdict('import_rows_per_s', figures.import_rows_per_s),
      ],
      widths,
    ),
    row(
      [
        `First list render in Chromium (${'skipped' in m.render ? 'not run' : `${String(m.render.loads.length)} loads`})`,
        '',
        figures.first_list_render_ms === null ? '—' : ms(figures.first_list_render_ms),
        '≤ 500 ms',
        verdict('first_list_render_ms', figures.first_list_render_ms),
      ],
      widths,
    ),
    '',
    `  Import path: ${m.importing.path}; median preview ${ms(median(m.importing.previewMs))}, commit ${ms(median(m.importing.commitMs))}`,
    `  First render: ${renderNote}${'skipped' in m.render ? '' : ` (ms: ${m.render.loads.map((v) => v.toFixed(0)).join(', ')})`}`,
    '',
    ...summaryLines('asset.search by characters typed', m.search.byLength),
    ...summaryLines('asset.page by request', m.page.byRequest),
    ...summaryLines('asset.page by sort', m.page.bySort),
    ...summaryLines('asset.page by filter', m.page.byFilter),
    '  slowest asset.page requests',
    ...m.page.slowest.map(({ ms: time, input }) => `    ${ms(time).padStart(10)}  ${JSON.stringify(input)}`),
    ...('skipped' in m.sync ? ['', `Sync: not measured (${m.sync.skipped})`] : formatSync(m.sync)),
    '',
  ].join('\n');
}

/** bench/results.json: the four headline figures under the issue's names, then p50s, verdicts and how they were made. */
export function resultsJson(m: Measured): object {
  const figures = headline(m);
  const sync = 'skipped' in m.sync ? null : m.sync;
  return {
    ...figures,
    ...(sync === null ? {} : syncHeadline(sync)),
    search_p50_ms: round2(m.search.overall.p50),
    page_query_p50_ms: round2(m.page.overall.p50),
    targets: Object.fromEntries(
      Object.entries({ ...TARGETS, ...SYNC_TARGETS }).map(([key, t]) => [key, `${t.better === 'lower' ? '<=' : '>='} ${String(t.limit)}`]),
    ),
    pass: {
      ...Object.fromEntries((Object.keys(TARGETS) as Key[]).map((key) => [key, passes(key, figures[key])])),
      ...(sync === null ? {} : syncPasses(sync)),
    },
    meta: {
      measuredAt: new Date().toISOString(),
      scale: m.scale,
      dataset: m.dataset,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: m.loadAtStart, node: process.version },
      through: 'createDispatcher (src-main/bridge/dispatch.ts): the handler table as both shells call it',
      search: m.search,
      page: m.page,
      import: m.importing,
      firstListRender: m.render,
      sync: m.sync,
    },
  };
}

export function currentLoad(): number[] {
  return loadavg();
}
