import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_AUP_VERSION } from '../../../../src-shared/domain/policy';
import { mutators } from '../../../../src-shared/mutators/registry';
import { LOCAL_MIGRATIONS } from '../../../../src-main/store/local-migrations';
import { runMutation } from '../../../../src-main/store/mutation-runner';
import { openStore, STORE_FILE_NAME, type Store } from '../../../../src-main/store/open-store';
import { abortPullRun, applyPage, beginPullRun, finishPullRun } from '../../../../src-main/sync/store/pull-run';
import { listRejections } from '../../../../src-main/sync/store/rejections';
import { readSyncState } from '../../../../src-main/sync/store/sync-state';
import { SyncStoreError } from '../../../../src-main/sync/store/sync-store-error';
import { FIXED_NOW, memoryStore, tempDir } from '../../../support/store';
import { assetRow, count, del, environment, eventRow, expectSearchConsistent, outboxIds, page, personRow, pull, put, snapshot } from './fixtures';

const OUTSIDER = '0190a000-0000-7000-8000-0000000000ff';

const issueArgs = (assetId: string, personId: string) => ({ assetId, personId, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });

const searchAssets = (store: Store, word: string) =>
  (store.db.prepare('SELECT a.asset_tag AS tag FROM asset_search s JOIN assets a ON a.rowid = s.rowid WHERE asset_search MATCH ? ORDER BY tag').all(`"${word}"*`) as {
    tag: string;
  }[]).map((row) => row.tag);

/** A store holding a small synced department: Ada holds LT-0002, LT-0001 is in stock. */
async function department() {
  const store = memoryStore();
  const manager = personRow({ name: 'Grace Hopper', roles: ['staff', 'line_manager'] });
  const ada = personRow({ name: 'Ada Lovelace', lineManagerId: manager.id });
  const alan = personRow({ name: 'Alan Turing', lineManagerId: manager.id });
  const inStock = assetRow({ assetTag: 'LT-0001' });
  const held = assetRow({ assetTag: 'LT-0002', status: 'issued', holderId: ada.id });
  await pull(store, [page({ reset: true, cookie: 'cookie-0', patch: [manager, ada, alan].map((p) => put('people', p)).concat([inStock, held].map((a) => put('assets', a))) })]);
  return { store, manager, ada, alan, inStock, held };
}

describe('apply and replay', () => {
  it('replays a pending local issue on top of the server’s changes', async () => {
    const { store, ada, inStock } = await department();
    await runMutation(environment(store), mutators['asset.issue'], issueArgs(inStock.id, ada.id));
    const incoming = assetRow({ assetTag: 'MN-0001', type: 'monitor', model: 'Dell P2723' });
    const result = await pull(store, [
      page({ cookie: 'cookie-1', patch: [put('people', { ...ada, name: 'Ada King', updatedAt: '2026-11-22T08:00:00.000Z' }), put('assets', incoming)] }),
    ]);
    expect(result).toMatchObject({ reset: false, pages: 1, puts: 2, dels: 0, confirmed: 0, rewound: 1, replayed: 1, replayFailures: [], rejections: 0 });
    expect(store.db.prepare('SELECT status, holder_id, holder_name FROM assets WHERE id = ?').get(inStock.id)).toEqual({
      status: 'issued',
      holder_id: ada.id,
      holder_name: 'Ada King',
    });
    expect(count(store.db, 'assets')).toBe(3);
    expect(searchAssets(store, 'king')).toEqual(['LT-0001', 'LT-0002']);
    expect(outboxIds(store.db)).toEqual([1]);
    // The replay recorded a fresh undo record: the pending issue can be rewound again by the next pull.
    expect(JSON.parse((store.db.prepare('SELECT entries FROM undo_log WHERE mutation_id = 1').get() as { entries: string }).entries)).toHaveLength(3);
    expect(readSyncState(store.db)).toMatchObject({ cookie: 'cookie-1', lastSyncedAt: FIXED_NOW.toISOString() });
    expectSearchConsistent(store.db);
  });

  it('keeps a pending issue the server shows issued to someone else in the outbox, with no local effect, and says so', async () => {
    const { store, ada, alan, inStock } = await department();
    await runMutation(environment(store), mutators['asset.issue'], issueArgs(inStock.id, ada.id));
    await runMutation(environment(store), mutators['person.recordTraining'], { personId: ada.id, completedOn: '2026-11-01' });
    // Another desktop issued LT-0001 to Alan first.
    const issuedElsewhere = { ...inStock, status: 'issued' as const, holderId: alan.id, statusChangedAt: '2026-11-22T14:02:00.000Z', updatedAt: '2026-11-22T14:02:00.000Z' };
    const event = eventRow({ assetId: inStock.id, event: 'issue', fromStatus: 'in_stock', toStatus: 'issued', personId: alan.id });
    const result = await pull(store, [page({ cookie: 'cookie-1', patch: [put('assets', issuedElsewhere), put('asset_events', event)] })]);

    expect(result.replayed).toBe(1);
    expect(result.replayFailures).toEqual([{ mutationId: 1, name: 'asset.issue', message: expect.stringMatching(/LT-0001.*issued/i) as unknown }]);
    expect(store.db.prepare('SELECT holder_id, holder_name FROM assets WHERE id = ?').get(inStock.id)).toEqual({ holder_id: alan.id, holder_name: 'Alan Turing' });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM aup_acknowledgements').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT id FROM asset_events').all()).toEqual([{ id: event.id }]);
    // The later, independent change still applies; both stay queued for the server's verdict.
    expect(store.db.prepare('SELECT training_completed_on AS t FROM people WHERE id = ?').get(ada.id)).toEqual({ t: '2026-11-01' });
    expect(outboxIds(store.db)).toEqual([1, 2]);
    expect(store.db.prepare('SELECT entries FROM undo_log WHERE mutation_id = 1').get()).toEqual({ entries: '[]' });
    expectSearchConsistent(store.db);

    // The next pull rewinds the failed one (nothing to undo) and the other, and replays both again.
    const again = await pull(store, [page({ cookie: 'cookie-2' })]);
    expect(again).toMatchObject({ rewound: 2, replayed: 1, replayFailures: [{ mutationId: 1 }] });
  });

  it('drops the mutations the server has processed and replays only the rest', async () => {
    const { store, ada, alan, inStock, held } = await department();
    await runMutation(environment(store), mutators['asset.issue'], issueArgs(inStock.id, alan.id));
    await runMutation(environment(store), mutators['asset.return'], { assetId: held.id, condition: 'Scratched lid' });
    // The server applied mutation 1 (its rows come in the patch) but has not seen mutation 2 yet.
    const serverIssued = { ...inStock, status: 'issued' as const, holderId: alan.id, statusChangedAt: FIXED_NOW.toISOString(), updatedAt: FIXED_NOW.toISOString() };
    const result = await pull(store, [page({ cookie: 'cookie-1', lastMutationId: 1, patch: [put('assets', serverIssued)] })]);
    expect(result).toMatchObject({ confirmed: 1, rewound: 2, replayed: 1, replayFailures: [] });
    expect(outboxIds(store.db)).toEqual([2]);
    expect(store.db.prepare('SELECT mutation_id AS id FROM undo_log').all()).toEqual([{ id: 2 }]);
    expect(store.db.prepare('SELECT status, holder_id FROM assets WHERE id = ?').get(held.id)).toEqual({ status: 'returned', holder_id: null });
    expect(store.db.prepare('SELECT holder_name FROM assets WHERE id = ?').get(inStock.id)).toEqual({ holder_name: 'Alan Turing' });
    expect(ada.id).not.toBe(alan.id);
    expectSearchConsistent(store.db);
  });

  it('records the server’s rejections with what the person asked, before their outbox entries go', async () => {
    const { store, ada, inStock } = await department();
    await runMutation(environment(store), mutators['asset.issue'], issueArgs(inStock.id, ada.id));
    const rejection = {
      mutationId: 1,
      name: 'asset.issue',
      code: 'conflict',
      message: 'Not applied: LT-0001 was issued to A. Turing by G. Hopper at 14:02',
      rejectedAt: '2026-11-23T10:00:00.000Z',
    };
    const result = await pull(store, [page({ cookie: 'cookie-1', lastMutationId: 1, rejections: [rejection] })]);
    expect(result).toMatchObject({ confirmed: 1, rejections: 1, replayed: 0 });
    expect(outboxIds(store.db)).toEqual([]);
    expect(listRejections(store.db)).toEqual([
      { ...rejection, args: { ...issueArgs(inStock.id, ada.id), trainingLapseReason: null }, madeAt: FIXED_NOW.toISOString(), dismissedAt: null },
    ]);
    // The pending issue was not replayed: the asset is as the server has it.
    expect(store.db.prepare('SELECT status FROM assets WHERE id = ?').get(inStock.id)).toEqual({ status: 'in_stock' });
  });
});

describe('server rows', () => {
  it('follows renames, deletions and new holders in the search index and holder names', async () => {
    const { store, manager, ada, alan, inStock, held } = await department();
    await pull(store, [
      page({
        cookie: 'cookie-1',
        patch: [
          put('people', { ...manager, name: 'Grace Brewster' }),
          put('assets', { ...inStock, status: 'issued', holderId: manager.id, model: 'HP EliteBook 840' }),
          put('assets', { ...held, assetTag: 'LT-0200' }),
          del('people', alan.id),
          del('people', 'never-heard-of-them'),
        ],
      }),
    ]);
    expect(searchAssets(store, 'brewster')).toEqual(['LT-0001']);
    expect(searchAssets(store, 'elitebook')).toEqual(['LT-0001']);
    expect(searchAssets(store, 'lt-02')).toEqual(['LT-0200']);
    expect(searchAssets(store, 'lt-0002')).toEqual([]);
    expectSearchConsistent(store.db);

    // Ada moves out of view (deleted here) while still holding LT-0200: the asset stays, with no holder name.
    await pull(store, [page({ cookie: 'cookie-2', patch: [del('people', ada.id), del('assets', inStock.id)] })]);
    expect(store.db.prepare('SELECT holder_id, holder_name FROM assets WHERE id = ?').get(held.id)).toEqual({ holder_id: ada.id, holder_name: null });
    expect(count(store.db, 'assets')).toBe(1);
    expect(searchAssets(store, 'lovelace')).toEqual([]);
    expectSearchConsistent(store.db);
  });

  it('accepts rows that point outside this desktop’s scope (my manager, an asset’s earlier holder)', async () => {
    const store = memoryStore();
    const me = personRow({ name: 'Ada Lovelace', lineManagerId: OUTSIDER });
    const laptop = assetRow({ status: 'issued', holderId: OUTSIDER });
    const event = eventRow({ assetId: laptop.id, event: 'issue', fromStatus: 'in_stock', toStatus: 'issued', personId: OUTSIDER });
    const orphanEvent = eventRow({ assetId: '0190a000-0000-7000-8000-0000000000ee' });
    await pull(store, [page({ reset: true, patch: [put('people', me), put('assets', laptop), put('asset_events', event), put('asset_events', orphanEvent)] })]);
    expect(count(store.db, 'asset_events')).toBe(2);
    expect(store.db.prepare('PRAGMA foreign_key_check').all().length).toBeGreaterThan(0);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expectSearchConsistent(store.db);
  });

  it('applies rows whose unique values swap within one snapshot', async () => {
    const { store, inStock, held } = await department();
    const result = await pull(store, [page({ cookie: 'cookie-1', patch: [put('assets', { ...inStock, assetTag: 'LT-0002' }), put('assets', { ...held, assetTag: 'LT-0001' })] })]);
    expect(result.puts).toBe(2);
    expect(store.db.prepare('SELECT id, asset_tag AS tag FROM assets ORDER BY tag').all()).toEqual([
      { id: held.id, tag: 'LT-0001' },
      { id: inStock.id, tag: 'LT-0002' },
    ]);
    expectSearchConsistent(store.db);
  });

  it('lets a later put of the same row win over one held back by a clash', async () => {
    const { store, inStock, held } = await department();
    await pull(store, [
      page({
        cookie: 'cookie-1',
        patch: [put('assets', { ...inStock, assetTag: 'LT-0002' }), put('assets', { ...inStock, assetTag: 'LT-0009' })],
      }),
    ]);
    expect(store.db.prepare('SELECT asset_tag AS tag FROM assets WHERE id = ?').get(inStock.id)).toEqual({ tag: 'LT-0009' });
    expect(store.db.prepare('SELECT asset_tag AS tag FROM assets WHERE id = ?').get(held.id)).toEqual({ tag: 'LT-0002' });
  });
});

describe('reset', () => {
  it('wipes the synced rows and search index but keeps the outbox (replayed on top) and the rejections', async () => {
    const { store, ada } = await department();
    const spare = '0190b000-0000-7000-8000-000000000001';
    await runMutation(environment(store), mutators['asset.create'], { id: spare, assetTag: 'SP-0001', serialNumber: 'SP1', type: 'headset', model: 'Jabra Evolve2 65' });
    store.db.prepare("INSERT INTO sync_rejections (mutation_id, name, code, message, rejected_at) VALUES (99, 'asset.issue', 'conflict', 'No', 't')").run();
    const newcomer = personRow({ name: 'Katherine Johnson' });
    // Children before parents, across pages: the holder arrives after the asset.
    const phone = assetRow({ assetTag: 'PH-0001', type: 'smartphone', model: 'Apple iPhone 15', imei: '356938035643809', phoneNumber: '07700900123', status: 'issued', holderId: newcomer.id });
    const result = await pull(store, [
      page({ reset: true, more: true, cookie: 'c-a', patch: [put('assets', phone)] }),
      page({ more: false, cookie: 'c-b', patch: [put('people', newcomer)] }),
    ]);
    expect(result).toMatchObject({ reset: true, pages: 2, rewound: 0, replayed: 1, puts: 2 });
    expect(store.db.prepare('SELECT asset_tag AS tag, holder_name AS holder FROM assets ORDER BY tag').all()).toEqual([
      { tag: 'PH-0001', holder: 'Katherine Johnson' },
      { tag: 'SP-0001', holder: null },
    ]);
    expect(store.db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Katherine Johnson' }]);
    expect(searchAssets(store, 'katherine')).toEqual(['PH-0001']);
    expect(searchAssets(store, 'jabra')).toEqual(['SP-0001']);
    expect(searchAssets(store, 'lovelace')).toEqual([]);
    expect(outboxIds(store.db)).toEqual([1]);
    expect(count(store.db, 'sync_rejections')).toBe(1);
    expect(store.db.prepare('SELECT id FROM people WHERE id = ?').get(ada.id)).toBeUndefined();
    expectSearchConsistent(store.db);
  });

  it('leaves everything as it was when abandoned part-way, the register indexes and search index included', async () => {
    const { store } = await department();
    const schema = () => store.db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all();
    const before = { rows: snapshot(store.db), schema: schema() };
    const run = beginPullRun(store.db);
    applyPage(run, page({ reset: true, more: true, patch: [put('people', personRow())] }));
    expect(schema()).not.toEqual(before.schema); // the bulk load dropped the secondary indexes
    abortPullRun(run);
    expect({ rows: snapshot(store.db), schema: schema() }).toEqual(before);
    expect(searchAssets(store, 'lt-000')).toEqual(['LT-0001', 'LT-0002']);
    expectSearchConsistent(store.db);
  });

  it('builds the register indexes again after a first sync', async () => {
    const fresh = memoryStore();
    const indexes = () => fresh.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const before = indexes();
    await pull(fresh, [page({ reset: true, patch: [put('people', personRow()), put('assets', assetRow())] })]);
    expect(indexes()).toEqual(before);
    expect(before.length).toBeGreaterThan(10);
  });

  it('is refused after the first page of a run', async () => {
    const { store } = await department();
    const before = snapshot(store.db);
    const run = beginPullRun(store.db);
    applyPage(run, page({ more: true }));
    expect(() => applyPage(run, page({ reset: true }))).toThrow(expect.objectContaining({ code: 'bad_page' }) as unknown);
    expect(store.db.inTransaction).toBe(false);
    expect(snapshot(store.db)).toEqual(before);
  });
});

describe('one transaction per run', () => {
  it('commits a run of several pages once, at the last page; nothing shows before', async () => {
    const dir = tempDir();
    const store = openStore(dir, LOCAL_MIGRATIONS);
    const reader = new Database(join(dir, STORE_FILE_NAME), { readonly: true });
    try {
      const people = Array.from({ length: 6 }, () => personRow());
      const run = beginPullRun(store.db);
      expect(run.cookie).toBeNull();
      applyPage(run, page({ reset: true, more: true, cookie: 'p1', patch: people.slice(0, 2).map((p) => put('people', p)) }));
      applyPage(run, page({ more: true, cookie: 'p2', patch: people.slice(2, 4).map((p) => put('people', p)) }));
      expect(count(store.db, 'people')).toBe(4);
      expect(count(reader, 'people')).toBe(0);
      applyPage(run, page({ more: false, cookie: 'p3', patch: people.slice(4).map((p) => put('people', p)) }));
      expect(count(reader, 'people')).toBe(0);
      expect(reader.prepare('SELECT cookie FROM sync_state').get()).toEqual({ cookie: null });
      const result = await finishPullRun(run, environment(store));
      expect(result).toMatchObject({ pages: 3, puts: 6 });
      expect(count(reader, 'people')).toBe(6);
      expect(reader.prepare('SELECT cookie FROM sync_state').get()).toEqual({ cookie: 'p3' });
      expect(beginPullRun(store.db).cookie).toBe('p3');
    } finally {
      reader.close();
      if (store.db.inTransaction) store.db.exec('ROLLBACK');
      store.close();
    }
  });

  it('refuses to finish before the last page, and pages after it', async () => {
    const { store } = await department();
    const early = beginPullRun(store.db);
    applyPage(early, page({ more: true }));
    await expect(finishPullRun(early, environment(store))).rejects.toMatchObject({ code: 'bad_page' });
    expect(store.db.inTransaction).toBe(false);
    const late = beginPullRun(store.db);
    applyPage(late, page());
    expect(() => applyPage(late, page())).toThrow(SyncStoreError);
    expect(() => applyPage(late, page())).toThrow(/already finished/);
    abortPullRun(late);
  });

  it('will not start inside another transaction', () => {
    const store = memoryStore();
    store.db.exec('BEGIN');
    expect(() => beginPullRun(store.db)).toThrow(expect.objectContaining({ code: 'busy' }) as unknown);
    store.db.exec('ROLLBACK');
  });
});

describe('bad input', () => {
  const badRows: [string, (base: ReturnType<typeof assetRow>) => { table: string; row: Record<string, unknown> }, RegExp][] = [
    ['an unknown table', (a) => ({ table: 'travel_requests', row: { ...a } }), /travel_requests row .*not a table this desktop syncs/],
    ['an unknown field', (a) => ({ table: 'assets', row: { ...a, colour: 'red' } }), /assets row \(id .*\).*field this desktop does not know \(colour\)/],
    ['a missing field', (a) => ({ table: 'assets', row: { ...a, model: undefined } }), /has no model/],
    ['a value of the wrong type', (a) => ({ table: 'assets', row: { ...a, purchaseValuePence: 'lots' } }), /assets row .*purchase_value_pence/],
    ['an object for a value', (a) => ({ table: 'assets', row: { ...a, notes: { text: 'x' } } }), /notes is an object/],
    ['a broken rule (issued with no holder)', (a) => ({ table: 'assets', row: { ...a, status: 'issued', holderId: null } }), /CHECK constraint failed/],
    ['a row with no id', (a) => ({ table: 'assets', row: { ...a, id: '' } }), /has no id/],
  ];

  it.each(badRows)('aborts the whole run on %s, naming the table and id, with nothing changed', async (_name, make, message) => {
    const { store, ada, inStock } = await department();
    await runMutation(environment(store), mutators['asset.issue'], issueArgs(inStock.id, ada.id));
    const before = snapshot(store.db);
    const bad = make(assetRow());
    const run = beginPullRun(store.db);
    // A good first page is applied, then the bad row arrives on the second.
    applyPage(run, page({ more: true, patch: [put('people', personRow()), put('assets', assetRow())] }));
    let error: unknown;
    try {
      applyPage(run, page({ patch: [put('assets', assetRow()), { op: 'put', table: bad.table, row: bad.row } as never] }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SyncStoreError);
    expect((error as SyncStoreError).code).toBe('bad_row');
    expect((error as SyncStoreError).message).toMatch(message);
    expect((error as SyncStoreError).message).toMatch(/Nothing from this sync was applied/);
    expect(store.db.inTransaction).toBe(false);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(snapshot(store.db)).toEqual(before);
    expect(outboxIds(store.db)).toEqual([1]);
    expect(readSyncState(store.db).cookie).toBe('cookie-0');
    abortPullRun(run); // the engine's own cleanup is harmless after the store's
  });

  it('refuses a unique clash that never resolves, at the end of the run', async () => {
    const { store, inStock } = await department();
    const before = snapshot(store.db);
    await expect(pull(store, [page({ patch: [put('assets', { ...inStock, assetTag: 'LT-0002' })] })])).rejects.toMatchObject({
      code: 'bad_row',
      table: 'assets',
      id: inStock.id,
    });
    expect(snapshot(store.db)).toEqual(before);
  });

  it('refuses an incremental pull under changes with no undo record (made before version 7); a reset takes it', async () => {
    const { store } = await department();
    await runMutation(environment(store), mutators['asset.create'], { id: '0190b000-0000-7000-8000-000000000002', assetTag: 'OLD-1', serialNumber: 'O1', type: 'other', model: 'Thing' });
    store.db.prepare('DELETE FROM undo_log').run();
    const before = snapshot(store.db);
    expect(() => applyPage(beginPullRun(store.db), page())).toThrow(expect.objectContaining({ code: 'rewind_incomplete' }) as unknown);
    expect(snapshot(store.db)).toEqual(before);
    const result = await pull(store, [page({ reset: true })]);
    expect(result).toMatchObject({ replayed: 1 });
    expect(store.db.prepare('SELECT asset_tag AS tag FROM assets').all()).toEqual([{ tag: 'OLD-1' }]);
  });

  it('refuses a server that claims mutations this installation never made (a copied data file)', async () => {
    const { store } = await department();
    expect(() => applyPage(beginPullRun(store.db), page({ lastMutationId: 5 }))).toThrow(expect.objectContaining({ code: 'client_ahead' }) as unknown);
    expect(store.db.inTransaction).toBe(false);
  });
});
