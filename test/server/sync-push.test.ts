import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import type { Database, Queryable } from '../../src-server/db/database';
import { mutationRecordId, newId } from '../../src-shared/ids';
import { startTestApi, TEST_CONFIG, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { connectionLost } from './support/faulty-database';
import { PASSWORD, seedOrg, type Name, type Org } from './support/org';
import { footprint, injected, intents, MADE_AT, SyncClient, syncVersion } from './support/sync';

describe.each(BACKENDS)('sync push on %s', { timeout: 60_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  const tokens = {} as Record<Name, string>;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
    for (const name of ['desk', 'mgr', 'boss', 'alice', 'bob', 'sec', 'adm'] as const) tokens[name] = await api.signIn(org.people[name].email, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const client = (name: Name, clientId?: string) => new SyncClient(injected(api), tokens[name], clientId);
  const assetOf = (name: Name) => org.assets.find((asset) => asset.holderId === org.people[name].id)?.id ?? '';
  const stock = (n: 1 | 2) => org.assets.find((asset) => asset.assetTag === `LT-STOCK-${String(n)}`)?.id ?? '';

  async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await test.db.query<T>(sql, params)).rows[0];
  }

  it('applies new mutations, stamps all their rows with one new version, makes the same ids as the desktop, and audits each', async () => {
    const desk = client('desk');
    const assetId = newId();
    const before = await syncVersion(test.db);
    const auditBefore = await one<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    const reply = await desk.push([intents.createAsset(assetId, 'LT-NEW-1'), intents.issue(assetId, org.people.alice.id)]);
    expect(reply).toEqual({ lastMutationId: 2, applied: 2, rejected: 0, duplicates: 0 });

    const version = await syncVersion(test.db);
    expect(version).toBe(before + 1);
    const asset = await one<{ status: string; holder: string; version: unknown; created: string }>(
      `SELECT status, holder_id::text AS holder, version, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created FROM assets WHERE id = $1`,
      [assetId],
    );
    expect(asset).toEqual({ status: 'issued', holder: org.people.alice.id, version: expect.anything() as unknown, created: MADE_AT });
    expect(Number(asset?.version)).toBe(version);
    // History events and the AUP confirmation: ids derived from (clientId, mutationId, n), exactly as the desktop made them.
    const { rows: events } = await test.db.query<{ id: string; event: string; version: unknown }>(
      'SELECT id::text AS id, event, version FROM asset_events WHERE asset_id = $1 ORDER BY at, event',
      [assetId],
    );
    expect(events.map((e) => [e.event, e.id, Number(e.version)])).toEqual([
      ['create', mutationRecordId(desk.clientId, 1, 1), version],
      ['issue', mutationRecordId(desk.clientId, 2, 2), version],
    ]);
    const ack = await one<{ id: string; recorded_by: string }>('SELECT id::text AS id, recorded_by::text AS recorded_by FROM aup_acknowledgements WHERE asset_id = $1', [assetId]);
    expect(ack).toEqual({ id: mutationRecordId(desk.clientId, 2, 1), recorded_by: org.people.desk.id });

    const { rows: audits } = await test.db.query<{ action: string; client_id: string; actor_id: string; entity_id: string }>(
      'SELECT action, client_id, actor_id::text AS actor_id, entity_id FROM audit_events WHERE seq > $1 ORDER BY seq',
      [auditBefore?.n ?? 0],
    );
    expect(audits).toEqual([
      { action: 'asset.create', client_id: desk.clientId, actor_id: org.people.desk.id, entity_id: assetId },
      { action: 'asset.issue', client_id: desk.clientId, actor_id: org.people.desk.id, entity_id: mutationRecordId(desk.clientId, 2, 1) },
    ]);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
  });

  it('stamps rows with the desktop’s time of the change, but never a time after the server’s', async () => {
    const desk = client('desk');
    const [past, future] = [newId(), newId()];
    await desk.push([intents.createAsset(past, 'LT-TIME-1')], '2026-11-01T08:30:00.000Z');
    await desk.push([intents.createAsset(future, 'LT-TIME-2')], '2031-01-01T00:00:00.000Z');
    const { rows } = await test.db.query<{ id: string; created: string }>(
      `SELECT id::text AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created FROM assets WHERE id = ANY($1::uuid[])`,
      [[past, future]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.created]))).toEqual({ [past]: '2026-11-01T08:30:00.000Z', [future]: api.clock.now().toISOString() });
  });

  it('rejects a change made more than 30 days before the server’s time, advancing the id; later ones still apply', async () => {
    const desk = client('desk');
    const now = api.clock.now().getTime();
    const oldest = new Date(now - 30 * 24 * 60 * 60 * 1000).toISOString();
    const tooOld = new Date(now - 30 * 24 * 60 * 60 * 1000 - 1).toISOString();
    const [kept, refused, later] = [newId(), newId(), newId()];
    const mutations = [
      ...desk.queue([intents.createAsset(kept, 'LT-AGE-1')], oldest),
      ...desk.queue([intents.createAsset(refused, 'LT-AGE-2')], tooOld),
      ...desk.queue([intents.createAsset(later, 'LT-AGE-3')]),
    ];
    const answer = await desk.pushRaw(mutations);
    expect(answer.json.value).toEqual({ lastMutationId: 3, applied: 2, rejected: 1, duplicates: 0 });
    const { rows } = await test.db.query<{ id: string; created: string }>(
      `SELECT id::text AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created FROM assets WHERE id = ANY($1::uuid[]) ORDER BY asset_tag`,
      [[kept, refused, later]],
    );
    expect(rows).toEqual([
      { id: kept, created: oldest },
      { id: later, created: MADE_AT },
    ]);
    const { rejections } = await desk.pullPage();
    expect(rejections.map((r) => [r.mutationId, r.code])).toEqual([[2, 'invalid_input']]);
    expect(rejections[0]?.message).toBe(
      'Not applied: this change was made on 24 Oct 2026 at 09:59 by the desktop’s clock, more than 30 days before it reached the server, ' +
        'and a change kept offline that long is not accepted because its time can no longer be relied on. ' +
        'Make the change again if it is still needed; if the computer’s clock is wrong, correct it first.',
    );
  });

  it('takes the oldest accepted time from the server’s sync options', async () => {
    const lenient = await startTestApi(test.db, TEST_CONFIG, { maxMutationAgeDays: 365 });
    try {
      const desk = new SyncClient(injected(lenient), await lenient.signIn(org.people.desk.email, PASSWORD));
      expect(await desk.push([intents.createAsset(newId(), 'LT-AGE-4')], '2026-01-01T00:00:00.000Z')).toMatchObject({ applied: 1, rejected: 0 });
      expect(await desk.push([intents.createAsset(newId(), 'LT-AGE-5')], '2025-11-01T00:00:00.000Z')).toMatchObject({ applied: 0, rejected: 1 });
    } finally {
      await lenient.close();
    }
  });

  it('acknowledges a duplicated push without applying anything again', async () => {
    const desk = client('desk');
    const mutations = desk.queue([intents.createAsset(newId(), 'LT-DUP-1'), intents.recordTraining(org.people.bob.id, '2026-11-01')]);
    expect((await desk.pushRaw(mutations)).json.value).toEqual({ lastMutationId: 2, applied: 2, rejected: 0, duplicates: 0 });
    const after = await footprint(test.db);
    expect((await desk.pushRaw(mutations)).json.value).toEqual({ lastMutationId: 2, applied: 0, rejected: 0, duplicates: 2 });
    expect(await footprint(test.db)).toBe(after);
  });

  it('applies a retried push once when its reply was lost: the processed part is acknowledged, the rest applied', async () => {
    const desk = client('desk');
    const outbox = desk.queue([
      intents.createAsset(newId(), 'LT-RETRY-1'),
      intents.createAsset(newId(), 'LT-RETRY-2'),
      intents.createAsset(newId(), 'LT-RETRY-3'),
    ]);
    await desk.pushRaw(outbox.slice(0, 2)); // the server applied it; the reply never reached the desktop
    const retried = await desk.pushRaw(outbox);
    expect(retried.json.value).toEqual({ lastMutationId: 3, applied: 1, rejected: 0, duplicates: 2 });
    const tags = await one<{ n: number }>("SELECT count(*)::int AS n FROM assets WHERE asset_tag LIKE 'LT-RETRY-%'");
    expect(tags?.n).toBe(3);
  });

  it('refuses a gap in the ids with 409 mutation_gap and applies nothing of that push', async () => {
    const desk = client('desk');
    await desk.push([intents.createAsset(newId(), 'LT-GAP-1')]);
    const before = await footprint(test.db);
    const [second, third] = desk.queue([intents.createAsset(newId(), 'LT-GAP-2'), intents.createAsset(newId(), 'LT-GAP-3')]);
    if (!second || !third) throw new Error('queue');

    const skipped = await desk.pushRaw([third]);
    // The field lastMutationId tells the desktop where to resume without reading the message.
    expect([skipped.status, skipped.json.error?.code, skipped.json.error?.fields]).toEqual([409, 'mutation_gap', { 'mutations.0.id': 'Expected 2', lastMutationId: '1' }]);
    expect(skipped.json.error?.message).toMatch(/the next must be 2\. Nothing in this push was applied; the server has processed this client's mutations up to 1, so push again from 2\.$/);
    // A gap inside one push refuses all of it, the mutations before the gap included.
    const holed = await desk.pushRaw([second, { ...third, id: 4 }]);
    expect([holed.status, holed.json.error?.code, holed.json.error?.fields]).toEqual([409, 'mutation_gap', { 'mutations.1.id': 'Expected 3', lastMutationId: '1' }]);
    expect(await footprint(test.db)).toBe(before);
  });

  it('refuses a clientId bound to another account with 403 client_mismatch, for push and pull, and changes nothing', async () => {
    const desk = client('desk');
    await desk.push([intents.recordTraining(org.people.carol.id, '2026-10-01')]);
    const before = await footprint(test.db);
    const forged = client('alice', desk.clientId);
    const pushed = await forged.pushRaw(forged.queue([intents.markLost(assetOf('alice'))]));
    expect([pushed.status, pushed.json.error?.code]).toEqual([403, 'client_mismatch']);
    const pulled = await forged.pullRaw(null);
    expect([pulled.status, pulled.json.error?.code]).toEqual([403, 'client_mismatch']);
    expect(await footprint(test.db)).toBe(before);
  });

  it('rejects a mutation that cannot apply, advances the id, applies later ones, and reports the rejection in one pull only', async () => {
    const desk = client('desk');
    const other = client('desk');
    const assetId = stock(1);
    await other.push([intents.issue(assetId, org.people.alice.id)]);

    const reply = await desk.push([
      intents.issue(assetId, org.people.bob.id), // already issued to Alice by the other desktop
      { name: 'asset.frobnicate', args: {} },
      { name: 'asset.create', args: { id: 'not-a-uuid', assetTag: '' } },
      intents.recordTraining(org.people.bob.id, '2026-11-02'),
    ]);
    expect(reply).toEqual({ lastMutationId: 4, applied: 1, rejected: 3, duplicates: 0 });
    const bob = await one<{ on: string }>("SELECT to_char(training_completed_on, 'YYYY-MM-DD') AS on FROM people WHERE id = $1", [org.people.bob.id]);
    expect(bob?.on).toBe('2026-11-02');

    const first = await desk.pullPage();
    expect(first.lastMutationId).toBe(4);
    expect(first.rejections.map((r) => [r.mutationId, r.name, r.code])).toEqual([
      [1, 'asset.issue', 'conflict'],
      [2, 'asset.frobnicate', 'unknown_method'],
      [3, 'asset.create', 'invalid_input'],
    ]);
    const [conflict, unknown, invalid] = first.rejections;
    expect(conflict?.message).toMatch(/^Not applied: cannot issue LT-STOCK-1: it is issued to Person alice \(set by Person desk on \d+ \w+ 2026 at \d\d:\d\d\)$/);
    expect(unknown?.message).toMatch(/^Not applied: this server does not know the change "asset\.frobnicate"/);
    expect(invalid?.message).toMatch(/^Not applied: the change has \d+ problems: id: The asset id must be a UUID; assetTag: /);
    expect(conflict?.rejectedAt).toBe(api.clock.now().toISOString());

    const second = await desk.pullPage();
    expect(second.rejections).toEqual([]);
    // A fresh run from nothing (the desktop reinstalled its store) is told again.
    expect(pullRejections(await desk.pullRaw(null))).toEqual([1, 2, 3]);
  });

  it('moves no version for a push whose every mutation is rejected, and the next pull still reports them', async () => {
    const desk = client('desk');
    await desk.sync();
    const before = await syncVersion(test.db);
    expect(await desk.push([{ name: 'asset.frobnicate', args: {} }])).toEqual({ lastMutationId: 1, applied: 0, rejected: 1, duplicates: 0 });
    expect(await syncVersion(test.db)).toBe(before);
    const page = await desk.pullPage();
    expect([page.patch, page.rejections.map((r) => r.mutationId), page.lastMutationId]).toEqual([[], [1], 1]);
    expect((await desk.pullPage()).rejections).toEqual([]);
  });

  it('applies an import batch as one mutation, every row or none, naming the refused row', async () => {
    const desk = client('desk');
    const row = (tag: string) => (intents.createAsset(newId(), tag).args as Record<string, unknown>);
    const reply = await desk.push([
      { name: 'asset.import', args: { rows: [row('LT-IMP-1'), row('LT-IMP-2'), row('LT-IMP-3')] } },
      { name: 'asset.import', args: { rows: [row('LT-IMP-4'), row('LT-IMP-1')] } },
    ]);
    expect(reply).toEqual({ lastMutationId: 2, applied: 1, rejected: 1, duplicates: 0 });
    const { rows } = await test.db.query<{ tag: string }>("SELECT asset_tag AS tag FROM assets WHERE asset_tag LIKE 'LT-IMP-%' ORDER BY 1");
    expect(rows.map((r) => r.tag)).toEqual(['LT-IMP-1', 'LT-IMP-2', 'LT-IMP-3']);
    const { rejections } = await desk.pullPage();
    expect(rejections[0]?.message).toMatch(/^Not applied: imported row 2 of the batch \(asset tag LT-IMP-1\): Asset tag LT-IMP-1 is already used/);
  });

  function pullRejections(answer: { json: { value?: unknown } }): number[] {
    return (answer.json.value as { rejections: { mutationId: number }[] }).rejections.map((r) => r.mutationId);
  }

  it('re-checks permission: by role, and by reach over the records a mutation changes', async () => {
    const alice = client('alice');
    const mgr = client('mgr');
    const boss = client('boss');
    expect(await alice.push([intents.issue(stock(2), org.people.alice.id), intents.markLost(assetOf('alice')), intents.markLost(assetOf('bob'))])).toEqual({
      lastMutationId: 3,
      applied: 1,
      rejected: 2,
      duplicates: 0,
    });
    const { rejections } = await alice.pullPage();
    expect(rejections.map((r) => [r.mutationId, r.code, r.message])).toEqual([
      [1, 'forbidden', 'Not applied: your roles (Staff) do not allow you to issue equipment: that needs the IT service desk role'],
      [3, 'forbidden', 'Not applied: you may report equipment lost only for yourself'],
    ]);
    expect(await mgr.push([intents.markLost(assetOf('carol'))])).toMatchObject({ applied: 0, rejected: 1 });
    expect((await mgr.pullPage()).rejections[0]?.message).toBe('Not applied: you may report equipment lost only for yourself and the people who report to you');
    // Bob reports to mgr, who reports to boss: the whole chain may report his loss.
    expect(await boss.push([intents.markLost(assetOf('bob'))])).toMatchObject({ applied: 1, rejected: 0 });
    const statuses = await test.db.query<{ tag: string; status: string }>(
      "SELECT asset_tag AS tag, status FROM assets WHERE asset_tag IN ('LT-ALICE', 'LT-BOB', 'LT-CAROL', 'LT-STOCK-2') ORDER BY 1",
    );
    expect(statuses.rows).toEqual([
      { tag: 'LT-ALICE', status: 'lost' },
      { tag: 'LT-BOB', status: 'lost' },
      { tag: 'LT-CAROL', status: 'issued' },
      { tag: 'LT-STOCK-2', status: 'in_stock' },
    ]);
    expect(api.logLines.filter((line) => line.includes('"event":"authorisation_refused"') && line.includes('"mutation":"asset.')).length).toBe(3);
  });

  it('nobody records their own security training, whatever their roles; line managers record their reports’', async () => {
    const on = async (name: Name, personId: string): Promise<{ applied: number; code?: string; message?: string }> => {
      const desktop = client(name);
      const reply = await desktop.push([intents.recordTraining(personId, '2026-11-10')]);
      const rejection = (await desktop.pullPage()).rejections[0];
      return { applied: reply.applied, ...(rejection ? { code: rejection.code, message: rejection.message } : {}) };
    };
    const self = 'Not applied: you may not record security training for yourself: someone else who may do so has to record it';
    expect(await on('alice', org.people.alice.id)).toMatchObject({ applied: 0, code: 'forbidden', message: expect.stringMatching(/do not allow you to record security training/) as string });
    for (const name of ['mgr', 'desk', 'sec', 'adm'] as const) expect(await on(name, org.people[name].id), name).toEqual({ applied: 0, code: 'forbidden', message: self });
    expect(await on('mgr', org.people.bob.id)).toEqual({ applied: 1 });
    expect(await on('sec', org.people.desk.id)).toEqual({ applied: 1 });
    const { rows } = await test.db.query<{ id: string; on: string | null }>("SELECT id::text AS id, to_char(training_completed_on, 'YYYY-MM-DD') AS on FROM people WHERE training_completed_on = '2026-11-10'");
    expect(rows.map((row) => row.id).sort()).toEqual([org.people.bob.id, org.people.desk.id].sort());
  });

  it('returns and restocks are the IT service desk’s: a line manager may not record one, even for a report', async () => {
    const mgr = client('mgr');
    const bobs = org.assets.find((asset) => asset.holderId === org.people.bob.id)?.id ?? '';
    expect(await mgr.push([intents.return(bobs), intents.restock(bobs), { name: 'asset.returnMany', args: { assetIds: [bobs], condition: 'Good' } }])).toMatchObject({
      applied: 0,
      rejected: 3,
    });
    const { rejections } = await mgr.pullPage();
    expect(rejections.map((r) => [r.code, r.message])).toEqual([
      ['forbidden', 'Not applied: your roles (Staff or Line manager) do not allow you to take equipment back: that needs the IT service desk role'],
      ['forbidden', 'Not applied: your roles (Staff or Line manager) do not allow you to put equipment back into stock: that needs the IT service desk role'],
      ['forbidden', 'Not applied: your roles (Staff or Line manager) do not allow you to take equipment back: that needs the IT service desk role'],
    ]);
  });

  it('pins a refusal by the database itself (a constraint behind the mutators’ checks) on that one mutation', async () => {
    await test.db.exec("ALTER TABLE assets ADD CONSTRAINT test_no_forbidden_model CHECK (model <> 'Forbidden model')");
    try {
      const desk = client('desk');
      const reply = await desk.push([
        intents.createAsset(newId(), 'LT-DB-1'),
        intents.createAsset(newId(), 'LT-DB-2', { model: 'Forbidden model' }),
        intents.createAsset(newId(), 'LT-DB-3'),
      ]);
      expect(reply).toEqual({ lastMutationId: 3, applied: 2, rejected: 1, duplicates: 0 });
      const { rows } = await test.db.query<{ tag: string }>("SELECT asset_tag AS tag FROM assets WHERE asset_tag LIKE 'LT-DB-%' ORDER BY 1");
      expect(rows.map((row) => row.tag)).toEqual(['LT-DB-1', 'LT-DB-3']);
      expect((await desk.pullPage()).rejections).toEqual([expect.objectContaining({ mutationId: 2, code: 'invalid_input', message: 'Not applied: a value breaks a rule of the register' })]);
      expect(api.logLines.some((line) => line.includes('"event":"push_retried_carefully"'))).toBe(true);
      expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true });
    } finally {
      await test.db.exec('ALTER TABLE assets DROP CONSTRAINT test_no_forbidden_model');
    }
  });

  it('answers 503 and commits nothing when the database fails mid-push; the retry applies it once', async () => {
    let failAt = Number.POSITIVE_INFINITY;
    let count = 0;
    const flaky = (tx: Queryable): Queryable => ({
      query: (sql, params) => (++count === failAt ? Promise.reject(connectionLost()) : tx.query(sql, params)),
      exec: (sql) => tx.exec(sql),
    });
    const db: Database = { ...test.db, transaction: (work) => test.db.transaction((tx) => work(flaky(tx))), query: test.db.query, exec: test.db.exec };
    const flakyApi = await startTestApi(db);
    try {
      const token = await flakyApi.signIn(org.people.desk.email, PASSWORD);
      const desk = new SyncClient(injected(flakyApi), token);
      const outbox = desk.queue([intents.createAsset(newId(), 'LT-FLAKY-1'), intents.createAsset(newId(), 'LT-FLAKY-2')]);
      const before = await footprint(test.db);
      for (const at of [1, 3, 6]) {
        count = 0;
        failAt = at;
        const reply = await desk.pushRaw(outbox);
        expect([reply.status, reply.json.error?.code]).toEqual([503, 'store_unavailable']);
        expect(await footprint(test.db)).toBe(before);
      }
      failAt = Number.POSITIVE_INFINITY;
      expect((await desk.pushRaw(outbox)).json.value).toEqual({ lastMutationId: 2, applied: 2, rejected: 0, duplicates: 0 });
    } finally {
      await flakyApi.close();
    }
  });
});
