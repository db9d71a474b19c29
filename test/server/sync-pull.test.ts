import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src-shared/auth/actor';
import { newId } from '../../src-shared/ids';
import { SYNCED_TABLES, type SyncedTable } from '../../src-shared/sync/protocol';
import { startTestApi, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, PEOPLE, seedOrg, type Name, type Org } from './support/org';
import { injected, intents, MADE_AT, moveToManager, SyncClient } from './support/sync';
import { visibleIds } from './support/visible';

const PAGE_ROWS = 3;

function decode(cookie: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

describe.each(BACKENDS)('sync pull on %s', { timeout: 60_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  const tokens = {} as Record<Name, string>;
  let desk: SyncClient;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db, undefined, { pullPageRows: PAGE_ROWS });
    org = await seedOrg(test.db);
    for (const name of PEOPLE) tokens[name] = await api.signIn(org.people[name].email, PASSWORD);
    desk = new SyncClient(injected(api), tokens.desk);
    // Some rows written through sync too (an AUP confirmation, an issue), beside the seeded rows that predate it.
    const stockId = org.assets.find((asset) => asset.assetTag === 'LT-STOCK-1')?.id ?? '';
    await desk.push([intents.issue(stockId, org.people.bob.id)]);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const client = (name: Name) => new SyncClient(injected(api), tokens[name]);
  const actor = (name: Name): Actor => ({ personId: org.people[name].id, roles: org.people[name].roles });
  const nameOf = (id: string) => PEOPLE.find((name) => org.people[name].id === id) ?? id;
  const assetOf = (name: Name) => org.assets.find((asset) => asset.holderId === org.people[name].id)?.id ?? '';

  async function expectHoldsExactly(who: SyncClient, name: Name): Promise<void> {
    const expected = await visibleIds(test.db, actor(name));
    for (const table of SYNCED_TABLES) expect([name, table, who.ids(table)]).toEqual([name, table, expected[table]]);
  }

  it.each(['desk', 'mgr', 'boss', 'alice', 'adm', 'sec'] as const)(
    'streams a first sync for %s in pages with progress, holding exactly what the authorisation module allows',
    async (name) => {
      const who = client(name);
      const pages = await who.sync();
      const total = pages.reduce((sum, page) => sum + page.patch.length, 0);
      expect(pages.map((page) => page.reset)).toEqual(pages.map((_, index) => index === 0));
      expect(pages.map((page) => page.more)).toEqual(pages.map((_, index) => index < pages.length - 1));
      for (const page of pages.slice(0, -1)) expect(page.patch).toHaveLength(PAGE_ROWS);
      expect(pages.map((page) => page.progress.total)).toEqual(pages.map(() => total));
      expect(pages.at(-1)?.progress.done).toBe(total);
      expect(pages.flatMap((page) => page.patch).every((op) => op.op === 'put')).toBe(true);
      // Ordered by table (SYNCED_TABLES order), then id, across pages.
      const order = pages.flatMap((page) => page.patch.map((op) => `${String(SYNCED_TABLES.indexOf(op.table))}:${op.op === 'put' ? String(op.row.id) : op.id}`));
      expect(order).toEqual([...order].sort());
      await expectHoldsExactly(who, name);
    },
  );

  it('shows a line manager only their reports: people, what they hold, events and AUP confirmations about them', async () => {
    const mgr = client('mgr');
    await mgr.sync();
    expect(mgr.ids('people').map(nameOf).sort()).toEqual(['alice', 'bob', 'mgr']);
    const holders = [...mgr.rows('assets').values()].map((asset) => nameOf(String(asset.holderId))).sort();
    expect(holders).toEqual(['alice', 'bob', 'bob', 'mgr']);
    for (const event of mgr.rows('asset_events').values()) expect(['alice', 'bob', 'mgr']).toContain(nameOf(String(event.personId)));
    expect([...mgr.rows('aup_acknowledgements').values()].map((ack) => nameOf(String(ack.personId)))).toEqual(['bob']);
  });

  it('sends rows in the form the desktop stores: ISO timestamps, YYYY-MM-DD dates, numbers, role arrays', async () => {
    const assetId = newId();
    await desk.push([intents.createAsset(assetId, 'PH-FORM-1', { type: 'smartphone', imei: '490154203237518', phoneNumber: '07700 900123', purchaseDate: '2025-04-01', purchaseValuePence: 129_999, location: 'Leeds' })]);
    await desk.sync();
    expect(desk.rows('assets').get(assetId)).toEqual({
      id: assetId,
      assetTag: 'PH-FORM-1',
      serialNumber: 'SN-PH-FORM-1',
      type: 'smartphone',
      model: 'Dell Latitude 7450',
      imei: '490154203237518',
      phoneNumber: '07700900123',
      purchaseDate: '2025-04-01',
      purchaseValuePence: 129_999,
      location: 'Leeds',
      notes: null,
      status: 'in_stock',
      holderId: null,
      statusChangedAt: MADE_AT,
      statusChangedBy: org.people.desk.id,
      createdAt: MADE_AT,
      updatedAt: MADE_AT,
    });
    expect(desk.rows('people').get(org.people.boss.id)).toMatchObject({ roles: ['staff', 'line_manager'], trainingCompletedOn: null, createdAt: '2026-01-05T10:00:00.000Z' });
  });

  it('round-trips the cookie: nothing new is an empty patch; a change arrives alone, with the client’s last mutation id', async () => {
    const mgr = client('mgr');
    await mgr.sync();
    const idle = await mgr.pullPage();
    expect(idle).toMatchObject({ reset: false, more: false, patch: [], rejections: [], progress: { done: 0, total: 0 } });

    const reply = await desk.push([intents.recordTraining(org.people.alice.id, '2026-11-03')]);
    const changed = await mgr.pullPage();
    expect(changed.reset).toBe(false);
    expect(changed.patch).toEqual([{ op: 'put', table: 'people', row: expect.objectContaining({ id: org.people.alice.id, trainingCompletedOn: '2026-11-03' }) as unknown }]);
    expect(changed.progress).toEqual({ done: 1, total: 1 });
    expect(changed.lastMutationId).toBe(0);
    await desk.sync();
    expect(desk.lastMutationId).toBe(reply.lastMutationId);
    await expectHoldsExactly(mgr, 'mgr');
  });

  it('tells a line manager to delete an asset handed back by their report, and keeps its history about the report', async () => {
    const mgr = client('mgr');
    const stock2 = org.assets.find((asset) => asset.assetTag === 'LT-STOCK-2')?.id ?? '';
    await desk.push([intents.issue(stock2, org.people.alice.id)]);
    await mgr.sync();
    expect(mgr.rows('assets').has(stock2)).toBe(true);

    await desk.push([intents.return(stock2)]);
    const pages = await mgr.sync();
    const ops = pages.flatMap((page) => page.patch);
    expect(ops.filter((op) => op.table === 'assets')).toEqual([{ op: 'del', table: 'assets', id: stock2 }]);
    const returnEvent = ops.find((op) => op.op === 'put' && op.table === 'asset_events' && op.row.assetId === stock2);
    expect(returnEvent).toMatchObject({ row: { event: 'return', personId: org.people.alice.id } });
    expect(mgr.rows('assets').has(stock2)).toBe(false);
    expect([...mgr.rows('asset_events').values()].filter((e) => e.assetId === stock2).map((e) => e.event).sort()).toEqual(['issue', 'return']);
    await expectHoldsExactly(mgr, 'mgr');
    // The service desk still sees the asset, now returned.
    await desk.sync();
    expect(desk.rows('assets').get(stock2)).toMatchObject({ status: 'returned', holderId: null });
  });

  it('resets a line manager whose reports changed, and the next pull no longer holds the person who moved away', async () => {
    const mgr = client('mgr');
    const boss = client('boss');
    await mgr.sync();
    await boss.sync();
    expect(mgr.ids('people').map(nameOf)).toContain('bob');

    await moveToManager(test.db, org.people.bob.id, org.people.boss.id);
    const mgrPages = await mgr.sync();
    expect(mgrPages[0]?.reset).toBe(true);
    expect(mgr.ids('people').map(nameOf).sort()).toEqual(['alice', 'mgr']);
    for (const table of ['assets', 'asset_events', 'aup_acknowledgements'] as const satisfies readonly SyncedTable[]) {
      const about = [...mgr.rows(table).values()].map((row) => String(table === 'assets' ? row.holderId : row.personId));
      expect(about).not.toContain(org.people.bob.id);
    }
    await expectHoldsExactly(mgr, 'mgr');
    // Bob is still below boss: boss's scope is unchanged, so boss gets Bob's new line manager incrementally.
    const bossPages = await boss.sync();
    expect(bossPages[0]?.reset).toBe(false);
    expect(bossPages.flatMap((page) => page.patch)).toEqual([{ op: 'put', table: 'people', row: expect.objectContaining({ id: org.people.bob.id, lineManagerId: org.people.boss.id }) as unknown }]);
    await expectHoldsExactly(boss, 'boss');
    await moveToManager(test.db, org.people.bob.id, org.people.mgr.id);
  });

  it('resets the old line manager when a person is moved by a pushed person.changeLineManager', async () => {
    const mgr = client('mgr');
    await mgr.sync();
    const moved = await desk.push([{ name: 'person.changeLineManager', args: { personId: org.people.alice.id, lineManagerId: org.people.boss.id } }]);
    expect(moved).toMatchObject({ applied: 1, rejected: 0 });
    try {
      expect((await mgr.sync())[0]?.reset).toBe(true);
      expect(mgr.ids('people').map(nameOf).sort()).toEqual(['bob', 'mgr']);
      await expectHoldsExactly(mgr, 'mgr');
    } finally {
      await desk.push([{ name: 'person.changeLineManager', args: { personId: org.people.alice.id, lineManagerId: org.people.mgr.id } }]);
    }
  });

  it('keeps a run in its version window while changes land between pages, and brings them in the next run', async () => {
    const mgr = client('mgr');
    const first = await mgr.pullPage();
    expect(first.more).toBe(true);
    await desk.push([intents.recordTraining(org.people.mgr.id, '2026-11-04'), intents.recordTraining(org.people.alice.id, '2026-11-05')]);
    const rest = await mgr.sync();
    expect(rest.every((page) => !page.reset)).toBe(true);
    expect(rest.at(-1)?.progress.total).toBe(first.progress.total);
    const next = await mgr.sync();
    expect(next.flatMap((page) => page.patch).map((op) => (op.op === 'put' ? nameOf(String(op.row.id)) : op.id)).sort()).toEqual(['alice', 'mgr']);
    expect(mgr.rows('people').get(org.people.alice.id)).toMatchObject({ trainingCompletedOn: '2026-11-05' });
    await expectHoldsExactly(mgr, 'mgr');
  });

  it('restarts a run with a reset when the scope changes between its pages', async () => {
    const mgr = client('mgr');
    await mgr.pullPage();
    await moveToManager(test.db, org.people.alice.id, org.people.boss.id);
    try {
      const rest = await mgr.sync();
      expect(rest[0]?.reset).toBe(true);
      expect(mgr.ids('people').map(nameOf).sort()).toEqual(['bob', 'mgr']);
      await expectHoldsExactly(mgr, 'mgr');
    } finally {
      await moveToManager(test.db, org.people.alice.id, org.people.mgr.id);
    }
  });

  it('resets a client whose cookie is from beyond this database’s head (restored from a backup)', async () => {
    const mgr = client('mgr');
    await mgr.sync();
    mgr.cookie = encode({ ...decode(mgr.cookie ?? ''), at: 1_000_000 });
    const pages = await mgr.sync();
    expect(pages[0]?.reset).toBe(true);
    await expectHoldsExactly(mgr, 'mgr');
  });

  it('refuses a malformed cookie with 400 bad_cookie, before reading anything', async () => {
    const mgr = client('mgr');
    await mgr.sync();
    const real = decode(mgr.cookie ?? '');
    const other = client('mgr');
    const cookies = [
      'not base64!',
      'e30',
      encode('just a string'),
      Buffer.from('{"v":1,', 'utf8').toString('base64url'),
      encode({ ...real, v: 2 }),
      encode({ ...real, extra: true }),
      encode({ ...real, at: -1 }),
      encode({ ...real, fp: 'x' }),
      encode({ ...real, rj: 1.5 }),
      encode({ ...real, run: { from: null, to: 1, fp: real.fp, t: 99, after: null, done: 0, total: null, lm: 0 } }),
      encode({ ...real, run: { from: null, to: 1, fp: real.fp, t: 0, after: "'; DROP TABLE people; --", done: 0, total: null, lm: 0 } }),
    ];
    for (const cookie of cookies) {
      const answer = await mgr.pullRaw(cookie);
      expect([cookie, answer.status, answer.json.error?.code, Object.keys(answer.json.error?.fields ?? {})]).toEqual([cookie, 400, 'bad_cookie', ['cookie']]);
    }
    // Another client's cookie is not this client's.
    const stolen = await other.pullRaw(mgr.cookie);
    expect([stolen.status, stolen.json.error?.code]).toEqual([400, 'bad_cookie']);
    const long = await mgr.pullRaw('a'.repeat(2001));
    expect([long.status, long.json.error?.code, Object.keys(long.json.error?.fields ?? {})]).toEqual([400, 'invalid_input', ['cookie']]);
  });

  it('answers the client’s own last processed mutation id, from the same snapshot as the rows', async () => {
    const alice = client('alice');
    expect(await alice.push([intents.acknowledgeAup(org.people.alice.id)])).toMatchObject({ applied: 1 });
    const pages = await alice.sync();
    expect(pages.map((page) => page.lastMutationId)).toEqual(pages.map(() => 1));
    const ownConfirmations = [...alice.rows('aup_acknowledgements').values()].filter((ack) => ack.recordedBy === org.people.alice.id);
    expect(ownConfirmations).toEqual([expect.objectContaining({ personId: org.people.alice.id, assetId: null })]);
  });

  it('sends a person nothing of anyone else, however the cookie is forged', async () => {
    const alice = client('alice');
    await alice.sync();
    const forged = decode(alice.cookie ?? '');
    alice.cookie = encode({ ...forged, at: 0 });
    await alice.sync();
    await expectHoldsExactly(alice, 'alice');
    expect(alice.ids('people')).toEqual([org.people.alice.id]);
    expect(assetOf('alice')).not.toBe('');
  });
});
