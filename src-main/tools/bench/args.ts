import { parseArgs } from 'node:util';
import { BENCH_SCALE, checkScale, type DepartmentScale } from '../../../src-shared/demo/scale';

export interface BenchOptions {
  readonly scale: DepartmentScale;
  /** Typing sessions for asset.search: each types one tag, serial, IMEI or surname a character at a time (1–6). */
  readonly searchSessions: number;
  /** Register sessions for asset.page: a filter and sort, four pages scrolled, two jumps deep into the list. */
  readonly pageSessions: number;
  readonly importRows: number;
  readonly importRuns: number;
  readonly renderLoads: number;
  /** Why first render cannot be measured (the web shell did not build), from scripts/bench.mjs. */
  readonly skipRender: string | null;
  readonly rebuild: boolean;
  /** Queued mutations pushed in the push measurement; 0 leaves the sync measurements out. */
  readonly pushMutations: number;
  readonly pullClients: number;
}

export const USAGE = `Usage: npm run bench -- [--people N] [--assets N] [--levels N] [--seed N] [--search-sessions N]
       [--page-sessions N] [--import-rows N] [--import-runs N] [--render-loads N] [--push-mutations N]
       [--pull-clients N] [--skip-sync] [--rebuild] [--help]

Defaults: the full benchmark department (${BENCH_SCALE.people.toLocaleString('en-GB')} people, ${BENCH_SCALE.assets.toLocaleString('en-GB')} assets, ${String(BENCH_SCALE.levels)} levels).
The department store is built once through the real mutators and cached in bench/.cache/; --rebuild builds it again.`;

function whole(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${String(min)}, not "${text}"`);
  return value;
}

/** The options, or 'help' when --help was asked for. Throws with a message naming a bad option. */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      people: { type: 'string' },
      assets: { type: 'string' },
      levels: { type: 'string' },
      seed: { type: 'string' },
      'search-sessions': { type: 'string' },
      'page-sessions': { type: 'string' },
      'import-rows': { type: 'string' },
      'import-runs': { type: 'string' },
      'render-loads': { type: 'string' },
      'skip-render': { type: 'string' },
      rebuild: { type: 'boolean' },
      'push-mutations': { type: 'string' },
      'pull-clients': { type: 'string' },
      'skip-sync': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  const scale: DepartmentScale = {
    people: whole('people', values.people, BENCH_SCALE.people),
    assets: whole('assets', values.assets, BENCH_SCALE.assets),
    levels: whole('levels', values.levels, BENCH_SCALE.levels),
    seed: whole('seed', values.seed, BENCH_SCALE.seed, 0),
  };
  const problem = checkScale(scale);
  if (problem !== null) throw new Error(problem);
  return {
    scale,
    searchSessions: whole('search-sessions', values['search-sessions'], 400),
    pageSessions: whole('page-sessions', values['page-sessions'], 200),
    importRows: whole('import-rows', values['import-rows'], 25_000),
    importRuns: whole('import-runs', values['import-runs'], 3),
    renderLoads: whole('render-loads', values['render-loads'], 7),
    skipRender: values['skip-render'] ?? null,
    rebuild: values.rebuild === true,
    pushMutations: values['skip-sync'] === true ? 0 : whole('push-mutations', values['push-mutations'], 10_000),
    pullClients: whole('pull-clients', values['pull-clients'], 100),
  };
}
