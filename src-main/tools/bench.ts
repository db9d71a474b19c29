import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDispatcher } from '../bridge/dispatch';
import { LOCAL_MIGRATIONS } from '../store/local-migrations';
import { openStore } from '../store/open-store';
import { seededFaker } from '../../src-shared/demo/seeded-faker';
import { parseBenchArgs, USAGE, type BenchOptions } from './bench/args';
import { prepareDataset } from './bench/dataset';
import { benchImport } from './bench/import-throughput';
import { benchPages, pageSessions } from './bench/page-bench';
import { benchFirstRender } from './bench/render-bench';
import { currentLoad, formatReport, resultsJson, type Measured } from './bench/report';
import { benchSearch, searchQueries } from './bench/search-bench';
import { benchSync } from './bench/sync-bench';

declare const __APP_VERSION__: string;

/**
 * `npm run bench`: builds (or reuses) the benchmark department store, then measures search, the register page query,
 * import throughput, first list render and sync (first sync, push, pull), prints the table and writes
 * bench/results.json. Built by vite.tools.config.ts to dist/tools/bench.js; scripts/bench.mjs builds it and the web
 * shell first.
 */
const RESULTS = resolve('bench', 'results.json');

const log = (line: string) => console.log(line);

async function measureQueries(workDir: string, options: BenchOptions): Promise<Pick<Measured, 'search' | 'page'>> {
  const store = openStore(workDir, LOCAL_MIGRATIONS);
  try {
    const dispatch = createDispatcher({
      store,
      info: { version: __APP_VERSION__, shell: 'web', dataDir: workDir },
      actorId: null,
      clock: () => new Date(),
      log: { error: (details, message) => console.error(message, details) },
    });
    // Seeded, so two runs ask the same questions of the same department.
    const faker = seededFaker(options.scale.seed + 7);
    const queries = searchQueries(store.db, faker, options.searchSessions);
    log(`Measuring asset.search: ${queries.length.toLocaleString('en-GB')} as-you-type queries …`);
    const search = await benchSearch(dispatch, queries);
    const sessions = pageSessions(store.db, faker, options.pageSessions);
    log(`Measuring asset.page: ${sessions.length.toLocaleString('en-GB')} register sessions …`);
    const page = await benchPages(dispatch, sessions);
    return { search, page };
  } finally {
    store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const loadAtStart = currentLoad();
  const dataset = await prepareDataset(options.scale, options.rebuild, log);
  try {
    log(
      `Data: ${dataset.built ? 'built' : 'reused'} ${dataset.info.key} (${dataset.info.mutations.toLocaleString('en-GB')} mutations through runMutationBatch, ${dataset.info.buildSeconds.toFixed(1)} s to build)`,
    );
    const { search, page } = await measureQueries(dataset.workDir, options);
    let render: Measured['render'];
    if (options.skipRender !== null) {
      render = { skipped: options.skipRender };
    } else {
      log(`Measuring first list render: ${String(options.renderLoads)} cold loads in Chromium …`);
      render = await benchFirstRender(dataset.workDir, options.renderLoads).catch((error: unknown) => ({
        skipped: error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error),
      }));
    }
    log(`Measuring import: ${options.importRows.toLocaleString('en-GB')} rows into a fresh store, ${String(options.importRuns)} times …`);
    const importing = await benchImport(options.importRows, options.importRuns, options.scale.seed);
    const sync: Measured['sync'] =
      options.pushMutations === 0
        ? { skipped: '--skip-sync' }
        : await benchSync(
            { scale: options.scale, pushMutations: options.pushMutations, pullClients: options.pullClients, databaseUrl: process.env.DATABASE_URL },
            log,
          );
    const measured: Measured = {
      scale: options.scale,
      dataset: { ...dataset.info, reused: !dataset.built },
      loadAtStart,
      search,
      page,
      importing,
      render,
      sync,
    };
    console.log(formatReport(measured));
    mkdirSync(resolve('bench'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(resultsJson(measured), null, 2)}\n`);
    log(`Wrote ${RESULTS}`);
    return 0;
  } finally {
    dataset.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Custodian benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
