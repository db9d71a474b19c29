import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoLoadResult } from '../../src-shared/api/demo-handlers';
import { DEMO_SCALE } from '../../src-shared/demo/scale';
import { createDispatcher } from '../bridge/dispatch';
import { defaultUserDataDir, resolveDataDir } from '../config/data-dir';
import { LOCAL_MIGRATIONS } from '../store/local-migrations';
import { openStore, STORE_FILE_NAME } from '../store/open-store';
import { StoreError } from '../store/store-error';

declare const __APP_VERSION__: string;

/**
 * `npm run demo -- [--data-dir DIR]`: loads the demo department into an empty store through the handler table's
 * demo.load, exactly as the app's "Load demo department" does. Built by vite.tools.config.ts to dist/tools/demo.js.
 */
const USAGE = `Usage: npm run demo -- [--data-dir DIR]

Fills an empty Custodian store with a generated demo department (${DEMO_SCALE.people.toLocaleString('en-GB')} people in a ${String(DEMO_SCALE.levels)}-level hierarchy,
${DEMO_SCALE.assets.toLocaleString('en-GB')} assets in every type and state). The data directory is chosen as the app chooses it:
--data-dir, then CUSTODIAN_DATA_DIR, then the app's own data folder. A store that already has people or assets is refused.`;

function startFresh(dataDir: string): string {
  return (
    `To start fresh, give a new, empty directory (npm run demo -- --data-dir /path/to/new-dir), or move ` +
    `${join(dataDir, STORE_FILE_NAME)} and its -wal and -shm files somewhere else first.`
  );
}

function options(argv: string[]): { dataDirArgs: string[] } | { exit: number } {
  try {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help === true) {
      console.log(USAGE);
      return { exit: 0 };
    }
    return { dataDirArgs: values['data-dir'] === undefined ? [] : ['--data-dir', values['data-dir']] };
  } catch (error) {
    const force = argv.includes('--force') ? ' There is no --force: demo data is never mixed into a store that has records.' : '';
    console.error(`${error instanceof Error ? error.message : String(error)}.${force}\n\n${USAGE}`);
    return { exit: 2 };
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = options(argv);
  if ('exit' in parsed) return parsed.exit;
  const { dataDir } = resolveDataDir({
    argv: parsed.dataDirArgs,
    env: process.env,
    cwd: process.cwd(),
    defaultDir: defaultUserDataDir(process.platform, process.env, homedir()),
  });
  let store;
  try {
    store = openStore(dataDir, LOCAL_MIGRATIONS);
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`Custodian: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    // app.info is not asked for here; the shell name only labels it.
    const dispatch = createDispatcher({
      store,
      info: { version: __APP_VERSION__, shell: 'web', dataDir },
      actorId: null,
      clock: () => new Date(),
      log: { error: (details, message) => console.error(message, details) },
    });
    console.log(`Loading the demo department into ${store.file} …`);
    const started = performance.now();
    const result = await dispatch('demo.load', {});
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!result.ok) {
      console.error(`Custodian: ${result.error.message}\n${result.error.code === 'conflict' ? startFresh(dataDir) : ''}`);
      return 1;
    }
    const { people, assets } = result.value as DemoLoadResult;
    console.log(
      `Loaded ${people.toLocaleString('en-GB')} people and ${assets.toLocaleString('en-GB')} assets in ${seconds} s, every change through its mutator.\n` +
        `Open it with: npm start -- --data-dir ${dataDir}`,
    );
    return 0;
  } finally {
    store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Custodian: the demo department could not be loaded: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
