import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import type { Database } from '../../src-server/db/database';
import { openPgDatabase } from '../../src-server/db/pg-database';
import { startInProcessServer, type HarnessAccount, type InProcessServer } from '../../src-server/harness/in-process-server';
import { newId } from '../../src-shared/ids';
import { SYNCED_TABLES } from '../../src-shared/sync/protocol';
import { POSTGRES_URL } from './support/databases';
import { EventStream } from './support/event-stream';
import { intents, overHttp, SyncClient } from './support/sync';

const POKE = 'event: poke\ndata: {}\n\n';

// PGlite serves one process: two API instances on one database need PostgreSQL (DATABASE_URL; always set in CI).
describe.runIf(POSTGRES_URL !== undefined)('two API instances on one PostgreSQL database', { timeout: 120_000 }, () => {
  let a: InProcessServer;
  let b: InProcessServer;
  let second: Database;
  let deskA: HarnessAccount;
  let deskB: HarnessAccount;

  beforeAll(async () => {
    a = await startInProcessServer({ databaseUrl: POSTGRES_URL ?? '', maxConnections: 4 });
    second = openPgDatabase({ connectionString: a.databaseUrl ?? '', maxConnections: 4 });
    b = await startInProcessServer({ db: second });
    deskA = await a.addAccount({ roles: ['it_service_desk'] });
    deskB = await b.addAccount({ roles: ['it_service_desk'] });
  }, 60_000);
  afterAll(async () => {
    await b.close();
    await second.close();
    await a.close();
  });

  it('interleave pushes from two clients, one per instance: every push gets its own version, in commit order, and both serve the same rows', async () => {
    const one = new SyncClient(overHttp(a.url), deskA.token);
    const two = new SyncClient(overHttp(b.url), deskB.token);
    const batches = 6;
    const perBatch = 40;
    const pushMany = async (client: SyncClient, prefix: string) => {
      for (let batch = 0; batch < batches; batch += 1) {
        const reply = await client.push(Array.from({ length: perBatch }, (_, i) => intents.createAsset(newId(), `${prefix}-${String(batch)}-${String(i)}`)));
        expect(reply).toMatchObject({ applied: perBatch, rejected: 0 });
      }
    };
    await Promise.all([pushMany(one, 'LT-A'), pushMany(two, 'LT-B')]);

    // Each push's rows carry one version of their own: one client, one batch per version.
    const { rows } = await a.db.query<{ version: string; clients: number; assets: number }>(
      `SELECT a.version::text AS version, count(DISTINCT e.client_id)::int AS clients, count(*)::int AS assets
         FROM assets a JOIN asset_events e ON e.asset_id = a.id AND e.event = 'create' WHERE a.asset_tag LIKE 'LT-_-%' GROUP BY a.version`,
    );
    expect(rows).toHaveLength(batches * 2);
    expect(rows.every((row) => row.clients === 1 && row.assets === perBatch)).toBe(true);
    // Versions follow commit order, which the audit log (appended under the same locks) records too.
    const { rows: order } = await a.db.query<{ version: string }>(
      `SELECT a.version::text AS version FROM audit_events x JOIN assets a ON a.id::text = x.entity_id WHERE x.action = 'asset.create' ORDER BY x.seq`,
    );
    const versions = order.map((row) => Number(row.version));
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    const { rows: head } = await a.db.query<{ head: string; newest: string }>(
      `SELECT (SELECT version FROM sync_head)::text AS head, greatest((SELECT max(version) FROM assets), (SELECT max(version) FROM people))::text AS newest`,
    );
    expect(head[0]?.head).toBe(head[0]?.newest);
    expect(await verifyAuditChain(a.db)).toMatchObject({ ok: true });

    // Either instance serves the same rows to a reader.
    const readerA = new SyncClient(overHttp(a.url), deskA.token);
    const readerB = new SyncClient(overHttp(b.url), deskA.token, readerA.clientId);
    await readerA.sync();
    await readerB.sync();
    for (const table of SYNCED_TABLES) expect(readerB.ids(table)).toEqual(readerA.ids(table));
    expect(readerA.ids('assets').length).toBe(batches * perBatch * 2);
  });

  it('poke the other instance’s streams through NOTIFY', async () => {
    const onA = await EventStream.open(a.url, deskA.token);
    const onB = await EventStream.open(b.url, deskB.token);
    await onA.stream?.next(': connected\n\n');
    await onB.stream?.next(': connected\n\n');
    await new SyncClient(overHttp(a.url), deskA.token).push([intents.createAsset(newId(), 'LT-NOTIFY-A')]);
    await onB.stream?.next(POKE);
    await onA.stream?.next(POKE);
    await new SyncClient(overHttp(b.url), deskB.token).push([intents.createAsset(newId(), 'LT-NOTIFY-B')]);
    await onA.stream?.next(POKE);
    // Signing out on one instance closes the session's stream on the other.
    const response = await fetch(`${a.url}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${deskB.token}` } });
    expect(response.status).toBe(200);
    await onB.stream?.ended();
    await onA.stream?.cancel();
  });
});
