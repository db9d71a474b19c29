import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src-server/db/pglite-database';
import { buildServerForTest, childEnv, runCommand, startServer } from './support/server-process';
import { EMAIL, expectNothingSecretIn, firstSignIn, oneTimePasswordFrom, tamperWithEvent } from './support/server-journey';

/**
 * The real server as separate processes on embedded PGlite: built the way `npm run server` builds it, started on
 * port 0, driven over HTTP, stopped with SIGTERM; the CLI commands run as processes too.
 * (server-process-postgres.test.ts does the same against PostgreSQL, with two instances at once.)
 */
let entry: string;
let removeBuild: () => void = () => undefined;
beforeAll(async () => {
  ({ entry, remove: removeBuild } = await buildServerForTest());
}, 120_000);
afterAll(() => removeBuild());

describe('the server process on embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'custodian-server-data-'));
  const env = childEnv();
  const dirArgs = ['--data-dir', dataDir];
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('bootstraps an admin, serves the API, refuses a second process on the data directory, stops cleanly, and verifies its audit log', { timeout: 180_000 }, async () => {
    const bootstrap = await runCommand(entry, ['bootstrap-admin', '--email', EMAIL, '--name', 'First Admin', ...dirArgs], env);
    expect(bootstrap.code, bootstrap.stderr).toBe(0);
    const oneTimePassword = oneTimePasswordFrom(bootstrap.stdout);

    const server = await startServer(entry, dirArgs, env);
    let stopped = false;
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const second = await runCommand(entry, ['serve', '--port', '0', ...dirArgs], env);
      expect([second.code, second.stderr]).toEqual([1, expect.stringMatching(/in use by another Custodian server/) as string]);

      const secrets = await firstSignIn(server.url, server.url, oneTimePassword);
      expect(await server.stop()).toBe(0);
      stopped = true;
      expectNothingSecretIn(server.output(), secrets);
      expect(server.logs().filter((line) => line.event === 'request').length).toBeGreaterThan(8);
      expect(server.logs().every((line) => typeof line.time === 'string' && line.service === 'custodian-api')).toBe(true);
    } finally {
      if (!stopped) await server.stop();
    }

    const verified = await runCommand(entry, ['audit-verify', ...dirArgs], env);
    expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^Audit log intact: 5 events/) as string]);

    const db = await openPgliteDatabase(dataDir);
    try {
      await tamperWithEvent(db, 4);
    } finally {
      await db.close();
    }
    const broken = await runCommand(entry, ['audit-verify', ...dirArgs], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^Audit log BROKEN at event #4 \(id [0-9a-f-]{36}\): its stored contents do not match its hash/);
    expect(broken.stdout).toMatch(/Events #1 to #3 are intact/);
  });
});
