import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDepartment } from '../../../src-shared/demo/department';
import { GENERATOR_VERSION, type DepartmentScale } from '../../../src-shared/demo/scale';
import { loadMutations } from '../../demo/load-department';
import { LOCAL_MIGRATIONS } from '../../store/local-migrations';
import { NEW_STORE_PAGE_SIZE, openStore, STORE_FILE_NAME } from '../../store/open-store';

/** Cached department stores: gitignored, one directory per generator version, seed and scale. */
export const CACHE_DIR = resolve('bench', '.cache');

/** Mutations per transaction while building: each chunk commits, so the WAL stays small and progress is visible. */
const BUILD_CHUNK = 50_000;

/** How a cached store was made, printed with every run so the figures can be traced to their data. */
export interface DatasetInfo {
  readonly key: string;
  readonly asOf: string;
  readonly mutations: number;
  readonly buildSeconds: number;
  readonly builtWith: string;
}

export interface Dataset {
  readonly info: DatasetInfo;
  /** True when this run built the store; false when it reused the cache. */
  readonly built: boolean;
  /** A private copy of the cached store for this run; the cache itself is never opened for measuring. */
  readonly workDir: string;
  dispose(): void;
}

export function datasetKey(scale: DepartmentScale): string {
  // The page size is in the key: a store keeps the page size it was created with, and the figures depend on it.
  return `department-g${String(GENERATOR_VERSION)}-pg${String(NEW_STORE_PAGE_SIZE)}-seed${String(scale.seed)}-${String(scale.people)}p-${String(scale.assets)}a-${String(scale.levels)}l`;
}

/**
 * Builds the department through the real path (each generated mutation through its mutator via runMutationBatch,
 * outbox and history included) into a directory that becomes the cache entry only once complete, so an interrupted
 * build is never reused.
 */
async function build(scale: DepartmentScale, key: string, log: (line: string) => void): Promise<void> {
  const building = join(CACHE_DIR, `${key}.building-${String(process.pid)}`);
  rmSync(building, { recursive: true, force: true });
  const store = openStore(building, LOCAL_MIGRATIONS);
  const asOf = new Date().toISOString();
  const started = performance.now();
  let mutations = 0;
  try {
    const env = { db: store.db, clientId: store.installation.clientId, actorId: null, clock: () => new Date() };
    mutations = await loadMutations(env, generateDepartment(scale, { asOf }).mutations(), {
      chunkSize: BUILD_CHUNK,
      onChunk: (applied) => log(`  … ${applied.toLocaleString('en-GB')} mutations applied (${((performance.now() - started) / 1000).toFixed(0)} s)`),
    });
  } finally {
    store.close();
  }
  const info: DatasetInfo = {
    key,
    asOf,
    mutations,
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    builtWith: 'runMutationBatch: every generated mutation through its mutator, with outbox and history (as demo.load)',
  };
  writeFileSync(join(building, 'dataset.json'), `${JSON.stringify(info, null, 2)}\n`);
  rmSync(join(CACHE_DIR, key), { recursive: true, force: true });
  renameSync(building, join(CACHE_DIR, key));
}

/** The cached department store for `scale` (built first if missing), copied to a private directory for this run. */
export async function prepareDataset(scale: DepartmentScale, rebuild: boolean, log: (line: string) => void): Promise<Dataset> {
  const key = datasetKey(scale);
  const cached = join(CACHE_DIR, key);
  mkdirSync(CACHE_DIR, { recursive: true });
  const built = rebuild || !existsSync(join(cached, 'dataset.json'));
  if (built) {
    log(`Building the department store ${key} (once; later runs reuse bench/.cache/) …`);
    await build(scale, key, log);
  }
  // Opening brings a store built by an older schema up to date (and checkpoints the WAL), in the cache itself, once.
  openStore(cached, LOCAL_MIGRATIONS).close();
  const info = JSON.parse(readFileSync(join(cached, 'dataset.json'), 'utf8')) as DatasetInfo;
  const workDir = mkdtempSync(join(tmpdir(), 'custodian-bench-'));
  copyFileSync(join(cached, STORE_FILE_NAME), join(workDir, STORE_FILE_NAME));
  return { info, built, workDir, dispose: () => rmSync(workDir, { recursive: true, force: true }) };
}
