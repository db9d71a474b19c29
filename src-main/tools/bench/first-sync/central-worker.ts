import { parentPort, workerData } from 'node:worker_threads';
import { startInProcessServer } from '../../../../src-server/harness/in-process-server';
import type { DepartmentScale } from '../../../../src-shared/demo/scale';
import { generateSyncRows } from '../sync-apply';
import { seedCentral } from './seed-central';

/** What the benchmark gives the worker. */
export interface CentralWorkerInput {
  readonly scale: DepartmentScale;
  readonly asOf: string;
  readonly databaseUrl?: string;
}

/** What the worker answers once the central API is serving the department. */
export interface CentralReady {
  readonly url: string;
  readonly token: string;
  readonly personId: string;
  readonly backend: 'pglite' | 'postgres';
  readonly seedSeconds: number;
}

/**
 * The central API for the first-sync measurement, in a worker thread: its own V8 heap and event loop on the machine's
 * other core, so the server's work (and PostgreSQL's, or PGlite's) runs beside the desktop's as it does when they are
 * different computers, instead of taking turns on one thread. Serves until the parent posts 'close'.
 */
async function main(): Promise<void> {
  const input = workerData as CentralWorkerInput;
  const port = parentPort;
  if (port === null) throw new Error('central-worker.ts runs as a worker thread');
  const server = await startInProcessServer(input.databaseUrl === undefined ? {} : { databaseUrl: input.databaseUrl, maxConnections: 4 });
  try {
    const started = performance.now();
    await seedCentral(server.db, generateSyncRows(input.scale, input.asOf));
    const seedSeconds = (performance.now() - started) / 1000;
    // The IT service desk sees every person and every asset: the largest scope a desktop syncs.
    const desk = await server.addAccount({ name: 'Bench Service Desk', roles: ['it_service_desk'] });
    const ready: CentralReady = { url: server.url, token: desk.token, personId: desk.personId, backend: server.db.kind, seedSeconds };
    port.postMessage(ready);
    await new Promise<void>((resolve) => port.once('message', () => resolve()));
  } finally {
    await server.close();
  }
}

// A failure ends the worker with an 'error' event, which the benchmark reports.
await main();
