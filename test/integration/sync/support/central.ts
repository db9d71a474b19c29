import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../../../src-server/db/database';
import { openPgDatabase } from '../../../../src-server/db/pg-database';
import { openPgliteDatabase } from '../../../../src-server/db/pglite-database';
import { createScratchSchema, POSTGRES_URL } from '../../../server/support/databases';
import { oneTimePasswordFrom, request } from '../../../server/support/server-journey';
import { buildServerForTest, childEnv, runCommand, startServer, type ServerProcess } from '../../../server/support/server-process';

/**
 * The central API as the "Must show" asks for it: the REAL server, built the way `npm run server` builds it
 * (dist/server-test-…/server.js) and run as separate processes, with the first administrator bootstrapped through its
 * command line. Either one process on embedded PGlite in a temporary data directory, or (DATABASE_URL) two processes
 * serving one fresh PostgreSQL schema, as horizontally scaled instances do.
 */
export interface Variant {
  readonly name: string;
  readonly backend: 'pglite' | 'postgres';
  readonly instances: 1 | 2;
}

export const PGLITE_VARIANT: Variant = { name: 'one server process on embedded PGlite', backend: 'pglite', instances: 1 };
export const POSTGRES_VARIANT: Variant = { name: 'two server processes on one PostgreSQL database', backend: 'postgres', instances: 2 };

/** Why the PostgreSQL variant does not run here, or null when it does. */
export const POSTGRES_SKIP_REASON: string | null =
  POSTGRES_URL === undefined
    ? 'DATABASE_URL is not set: the two-instance PostgreSQL variant of the sync integration suite is skipped (CI sets DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).'
    : null;

export const ADMIN_EMAIL = 'first.admin@example.gov.uk';
export const ADMIN_NAME = 'Fiona Admin';
/** Every account's password after its first sign-in (the one-time password is exchanged for it). */
export const PASSWORD = 'a long and private passphrase';

export interface Central {
  readonly variant: Variant;
  /** The instances' addresses: desktop n talks to instance n mod count. */
  readonly urls: readonly string[];
  url(index: number): string;
  /** A session of the first administrator, for the admin API (accounts). */
  readonly adminToken: string;
  readonly adminPersonId: string;
  /**
   * Runs `work` on the central database directly (what an operator with database access sees). PostgreSQL is opened
   * beside the running servers; PGlite serves one process only, so the server is stopped, the data directory opened,
   * and the server started again on the same port (desktops keep their address and sessions).
   */
  withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Every line the server processes wrote (for failures). */
  output(): string[];
  stop(): Promise<void>;
}

function portOf(url: string): string {
  return new URL(url).port;
}

/** Builds the server and starts the variant's processes on a fresh database with a bootstrapped administrator. */
export async function startCentral(variant: Variant): Promise<Central> {
  const { entry, remove: removeBuild } = await buildServerForTest();
  const cleanups: (() => Promise<void> | void)[] = [removeBuild];
  try {
    let env: NodeJS.ProcessEnv;
    let storageArgs: string[] = [];
    let dataDir: string | null = null;
    let databaseUrl: string | null = null;
    if (variant.backend === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'custodian-sync-central-'));
      dataDir = dir;
      cleanups.push(() => {
        rmSync(dir, { recursive: true, force: true });
      });
      env = childEnv();
      storageArgs = ['--data-dir', dir];
    } else {
      if (POSTGRES_URL === undefined) throw new Error(POSTGRES_SKIP_REASON ?? 'DATABASE_URL is not set');
      const scratch = await createScratchSchema(POSTGRES_URL);
      databaseUrl = scratch.url;
      cleanups.push(() => scratch.drop());
      env = childEnv(scratch.url);
    }

    const bootstrap = await runCommand(entry, ['bootstrap-admin', '--email', ADMIN_EMAIL, '--name', ADMIN_NAME, ...storageArgs], env);
    if (bootstrap.code !== 0) throw new Error(`bootstrap-admin failed: ${bootstrap.stderr}`);
    const oneTimePassword = oneTimePasswordFrom(bootstrap.stdout);

    const logs: string[] = [];
    let servers: ServerProcess[] = await Promise.all(Array.from({ length: variant.instances }, () => startServer(entry, storageArgs, env)));
    const urls = servers.map((server) => server.url);
    const stopServers = async () => {
      const running = servers;
      servers = [];
      for (const server of running) logs.push(...server.output());
      await Promise.all(running.map((server) => (server.child.exitCode === null ? server.stop() : Promise.resolve(server.child.exitCode))));
    };
    cleanups.push(stopServers);

    // The administrator's first day: the one-time password is exchanged for a real one, then a session for the admin API.
    const first = await request(urls[0] ?? '', 'POST', '/api/v1/auth/sign-in', { body: { email: ADMIN_EMAIL, password: oneTimePassword } });
    const firstToken = String(first.json.value?.token);
    const changed = await request(urls[0] ?? '', 'POST', '/api/v1/auth/password', { token: firstToken, body: { currentPassword: oneTimePassword, newPassword: PASSWORD } });
    if (changed.status !== 200) throw new Error(`The administrator could not change the one-time password: ${JSON.stringify(changed.json)}`);
    const signedIn = await request(urls.at(-1) ?? '', 'POST', '/api/v1/auth/sign-in', { body: { email: ADMIN_EMAIL, password: PASSWORD } });
    if (signedIn.status !== 200) throw new Error(`The administrator could not sign in: ${JSON.stringify(signedIn.json)}`);
    const adminToken = String(signedIn.json.value?.token);
    const adminPersonId = String(signedIn.json.value?.personId);

    const central: Central = {
      variant,
      urls,
      url: (index) => urls[index % urls.length] ?? '',
      adminToken,
      adminPersonId,
      async withDatabase(work) {
        if (databaseUrl !== null) {
          const db = openPgDatabase({ connectionString: databaseUrl, maxConnections: 2 });
          try {
            return await work(db);
          } finally {
            await db.close();
          }
        }
        await stopServers();
        try {
          const db = await openPgliteDatabase(dataDir ?? '');
          try {
            return await work(db);
          } finally {
            await db.close();
          }
        } finally {
          // The last --port wins: the same address as before.
          servers = await Promise.all(urls.map((url) => startServer(entry, [...storageArgs, '--port', portOf(url)], env)));
        }
      },
      output: () => [...logs, ...servers.flatMap((server) => server.output())],
      async stop() {
        for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      },
    };
    return central;
  } catch (error) {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    throw error;
  }
}
