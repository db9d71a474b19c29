import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DepartmentScale } from '../../../../src-shared/demo/scale';
import { createHttpTransport } from '../../../sync/engine/http-transport';
import { runCycle } from '../../../sync/engine/sync-cycle';
import { createStorePort } from '../../../sync/store-port';
import { LOCAL_MIGRATIONS } from '../../../store/local-migrations';
import { openStore } from '../../../store/open-store';
import type { CentralReady, CentralWorkerInput } from './central-worker';

/** The worker's bundle, built beside the benchmark's entry (dist/tools/, vite.tools.config.ts). */
const centralWorker = () => join(dirname(process.argv[1] ?? '.'), 'first-sync-central.js');

export interface FirstSyncResult {
  readonly backend: 'pglite' | 'postgres';
  /** Rows the desktop received and stored (the department, and the service desk's own person row). */
  readonly rows: number;
  readonly ms: number;
  readonly rowsPerSecond: number;
  readonly seedSeconds: number;
}

function startCentral(input: CentralWorkerInput): Promise<{ worker: Worker; ready: CentralReady }> {
  const worker = new Worker(centralWorker(), { workerData: input });
  return new Promise((resolvePromise, reject) => {
    worker.once('message', (ready: CentralReady) => resolvePromise({ worker, ready }));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The central API worker stopped (exit code ${String(code)}) before it was ready`)));
  });
}

/**
 * ──────────────── THE FIRST SYNC, END TO END ────────────────
 * An empty desktop store signed in as the IT service desk runs one sync cycle exactly as the app's sync engine does
 * (runCycle: push the empty outbox, then pull every page over HTTP with the real transport — fetch, JSON, protocol
 * checks — and apply them through the store port in one pull run, then commit). The central API serves the seeded
 * department from a worker thread. Timed from the cycle's start to its commit.
 */
export async function benchFirstSyncEndToEnd(scale: DepartmentScale, asOf: string, databaseUrl?: string): Promise<FirstSyncResult> {
  const input: CentralWorkerInput = databaseUrl === undefined ? { scale, asOf } : { scale, asOf, databaseUrl };
  const { worker, ready } = await startCentral(input);
  const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-first-sync-'));
  const store = openStore(dir, LOCAL_MIGRATIONS);
  try {
    const clock = () => new Date();
    const started = performance.now();
    const outcome = await runCycle({
      store: createStorePort(store.db, clock),
      transport: createHttpTransport({ serverUrl: ready.url, timeoutMs: 120_000 }),
      token: ready.token,
      actorId: ready.personId,
      exclusive: (work) => work(),
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    const ms = performance.now() - started;
    if (!outcome.ok) throw new Error(`The first sync failed: ${outcome.error.message}`);
    return { backend: ready.backend, rows: outcome.pulled, ms, rowsPerSecond: Math.round((outcome.pulled / ms) * 1000), seedSeconds: ready.seedSeconds };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    worker.postMessage('close');
    await new Promise((done) => worker.once('exit', done));
  }
}
