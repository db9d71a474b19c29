import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../src-server/db/central-migrations';
import { openPgDatabase } from '../../src-server/db/pg-database';
import { createScratchSchema, POSTGRES_URL } from './support/databases';
import { buildServerForTest, childEnv, runCommand, startServer, type ServerProcess } from './support/server-process';
import { EMAIL, expectNothingSecretIn, firstSignIn, oneTimePasswordFrom, request, tamperWithEvent } from './support/server-journey';

/**
 * The real server as separate processes on PostgreSQL (DATABASE_URL; CI always sets it): two API instances
 * started at the same moment on one empty database, the CLI commands against it, and the audit log verified.
 */
let entry: string;
let removeBuild: () => void = () => undefined;
beforeAll(async () => {
  if (POSTGRES_URL !== undefined) ({ entry, remove: removeBuild } = await buildServerForTest());
}, 120_000);
afterAll(() => removeBuild());

describe.runIf(POSTGRES_URL !== undefined)('two server processes on one PostgreSQL database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchSchema>>;
  beforeAll(async () => {
    scratch = await createScratchSchema(POSTGRES_URL ?? '');
  });
  afterAll(() => scratch.drop());

  it('start at the same moment on an empty database: migrations applied once, both serve, sessions work on either', { timeout: 180_000 }, async () => {
    const env = childEnv(scratch.url);
    const servers: ServerProcess[] = await Promise.all([startServer(entry, [], env), startServer(entry, [], env)]);
    try {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const migrationLogs = servers.map((server) => server.logs().find((line) => line.event === 'migrations'));
      expect(migrationLogs.map((line) => (line?.applied as number[]).length).sort()).toEqual([0, CENTRAL_MIGRATIONS.length]);
      expect((await request(a.url, 'GET', '/readyz')).status).toBe(200);
      expect((await request(b.url, 'GET', '/readyz')).status).toBe(200);

      const bootstrap = await runCommand(entry, ['bootstrap-admin', '--email', EMAIL], env);
      expect(bootstrap.code, bootstrap.stderr).toBe(0);
      const again = await runCommand(entry, ['bootstrap-admin', '--email', 'second@example.gov.uk', '--staff-number', 'ADMIN-2'], env);
      expect([again.code, again.stderr]).toEqual([1, expect.stringMatching(/already exists/) as string]);
      const secrets = await firstSignIn(a.url, b.url, oneTimePasswordFrom(bootstrap.stdout));
      expect(await Promise.all(servers.map((server) => server.stop()))).toEqual([0, 0]);
      for (const server of servers) expectNothingSecretIn(server.output(), secrets);
    } finally {
      await Promise.all(servers.map((server) => (server.child.exitCode === null ? server.stop() : Promise.resolve(server.child.exitCode))));
    }

    const db = openPgDatabase({ connectionString: scratch.url });
    try {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]?.n).toBe(CENTRAL_MIGRATIONS.length);
      const verified = await runCommand(entry, ['audit-verify'], env);
      expect([verified.code, verified.stdout]).toEqual([0, expect.stringMatching(/^Audit log intact: 5 events/) as string]);
      await tamperWithEvent(db, 2);
      const broken = await runCommand(entry, ['audit-verify'], env);
      expect([broken.code, broken.stdout]).toEqual([1, expect.stringMatching(/^Audit log BROKEN at event #2 /) as string]);
    } finally {
      await db.close();
    }
  });
});
