import { describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportProgress } from '../../src-shared/import/contract';
import type { ImportPlan } from '../../src-shared/import/preview';
import { DomainError } from '../../src-shared/result';
import { importRows } from '../../src-main/import/import-rows';
import { MAX_WAITING_PREVIEWS } from '../../src-main/import/preview-registry';
import type { Store } from '../../src-main/store/open-store';
import { testDispatcher } from '../support/dispatcher';
import { memoryStore } from '../support/store';
import { addAsset, addPerson, ASSET_HEADER, assetLine, count, csv, environment, fixture, PEOPLE_HEADER, preview, tableCounts, value } from './support';

// Batches of a few thousand rows; the default 5 s is a timeout, not a speed check.
vi.setConfig({ testTimeout: 60_000 });

function setUp() {
  const { dispatch, store } = testDispatcher();
  const previewFile = async (kind: 'assets' | 'people', text: string | Buffer) =>
    value(await dispatch('import.preview', { kind, fileName: `${kind}.csv`, contentBase64: Buffer.from(text).toString('base64') })) as ImportPreview;
  return { dispatch, store: store as Store, previewFile };
}

const assets = (n: number, from = 0) => Array.from({ length: n }, (_, i) => assetLine({ tag: `LT-${String(from + i)}`, serial: `SN-${String(from + i)}` }));

describe('import.preview writes nothing', () => {
  it('leaves every table (and the outbox) as it was, for good and bad files alike', async () => {
    const { store, previewFile } = setUp();
    await addPerson(store, 'S1003', 'Alan Turing');
    const before = tableCounts(store);
    await previewFile('assets', fixture('custodian-assets.csv').toString());
    await previewFile('people', fixture('snipeit-users.csv').toString());
    await previewFile('assets', csv(ASSET_HEADER, 'broken,"row'));
    expect(tableCounts(store)).toEqual(before);
  });
});

describe('import.commit', () => {
  it('imports only the valid rows, all in one transaction, as one asset.import mutation per batch in the outbox', async () => {
    const { dispatch, store, previewFile } = setUp();
    const p = await previewFile('assets', csv(ASSET_HEADER, ...assets(2), assetLine({ tag: 'BAD', type: 'robot' }), ...assets(2, 2)));
    expect([p.valid, p.invalidRows]).toEqual([4, 1]);
    expect(value(await dispatch('import.commit', { previewId: p.previewId }))).toEqual({ imported: 4 });
    expect(count(store, 'assets')).toBe(4);
    const outbox = store.db.prepare("SELECT mutation_id AS id, name, json_array_length(args, '$.rows') AS rows FROM outbox ORDER BY mutation_id").all();
    expect(outbox).toEqual([{ id: 1, name: 'asset.import', rows: 4 }]);
    // Each imported row has its own history event, as asset.create makes.
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM asset_events WHERE event = 'create'").get()).toEqual({ n: 4 });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM assets WHERE status = 'in_stock' AND holder_id IS NULL").get()).toEqual({ n: 4 });
    expect(count(store, 'aup_acknowledgements')).toBe(0);
  });

  it('creates people with forward line-manager references in an order person.create accepts', async () => {
    const { dispatch, store, previewFile } = setUp();
    const p = await previewFile('people', fixture('custodian-people.csv').toString());
    expect(value(await dispatch('import.commit', { previewId: p.previewId }))).toEqual({ imported: 5 });
    const grace = store.db.prepare("SELECT m.staff_number AS manager FROM people p JOIN people m ON m.id = p.line_manager_id WHERE p.staff_number = 'S1002'").get();
    expect(grace).toEqual({ manager: 'S1001' });
  });

  it('fails cleanly when the store changed since the preview: nothing written, preview again', async () => {
    const { dispatch, store, previewFile } = setUp();
    const p = await previewFile('assets', csv(ASSET_HEADER, ...assets(3)));
    await addAsset(store, 'LT-1', 'SOMETHING-ELSE');
    const before = tableCounts(store);
    const result = await dispatch('import.commit', { previewId: p.previewId });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Since the preview, asset tag LT-1 (row 3) is now in the register. Nothing was imported: preview the file again to see what is still valid',
        fields: {},
      },
    });
    expect(tableCounts(store)).toEqual(before);
    expect(value(await dispatch('import.progress', { previewId: p.previewId }))).toMatchObject({ state: 'failed', done: 0 });
    // The plan is gone: the person previews again.
    expect(await dispatch('import.commit', { previewId: p.previewId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/preview the file again/) as unknown },
    });
  });

  it('fails cleanly when a line manager the file points at has gone', async () => {
    const store = memoryStore();
    const managerId = await addPerson(store, 'S1', 'Manager One');
    const { plan } = await preview(store, 'people', csv(PEOPLE_HEADER, 'S2,Two,two@example.gov.uk,S1,,,'));
    store.db.prepare('DELETE FROM people WHERE id = ?').run(managerId);
    await expect(importRows(environment(store), plan)).rejects.toThrow(/the line manager of row 2 is no longer in the directory\. Nothing was imported/);
    expect(count(store, 'people')).toBe(0);
  });

  it('writes nothing when a mutator fails part-way through the batch (fault injection), naming the row', async () => {
    const store = memoryStore();
    const { plan } = await preview(store, 'assets', csv(ASSET_HEADER, ...assets(2500)));
    if (plan.kind !== 'assets') throw new Error('expected assets');
    // Row 2,002's arguments now clash with row 2's tag: asset.create refuses it deep inside the one transaction.
    const rows = plan.rows.map((row, index) => (index === 2000 ? { ...row, args: { ...row.args, assetTag: 'LT-0' } } : row));
    const faulty: ImportPlan = { kind: 'assets', rows };
    const progress: number[] = [];
    const error = await importRows(environment(store), faulty, (done) => progress.push(done)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).message).toMatch(/^Row 2002: Asset tag LT-0 is already used by another asset\. Nothing was imported/);
    expect(progress).toEqual([1000, 2000]);
    expect(tableCounts(store)).toEqual({ people: 0, assets: 0, asset_events: 0, aup_acknowledgements: 0, outbox: 0 });
    expect(store.db.inTransaction).toBe(false);
    // Mutation ids were handed back with the rollback.
    expect(await importRows(environment(store), plan)).toEqual({ imported: 2500 });
    expect(store.db.prepare('SELECT MIN(mutation_id) AS first, MAX(mutation_id) AS last FROM outbox').get()).toEqual({ first: 1, last: 3 });
    expect(count(store, 'assets')).toBe(2500);
  });

  it('refuses a second commit of the same preview, and an unknown preview id', async () => {
    const { dispatch, previewFile } = setUp();
    const p = await previewFile('assets', csv(ASSET_HEADER, ...assets(1)));
    value(await dispatch('import.commit', { previewId: p.previewId }));
    expect(await dispatch('import.commit', { previewId: p.previewId })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This file has already been imported' } });
    const unknown = await dispatch('import.commit', { previewId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/preview it again/) as unknown } });
  });

  it(`keeps only the latest ${String(MAX_WAITING_PREVIEWS)} previews waiting`, async () => {
    const { dispatch, previewFile } = setUp();
    const ids: string[] = [];
    for (let i = 0; i <= MAX_WAITING_PREVIEWS; i += 1) ids.push((await previewFile('assets', csv(ASSET_HEADER, ...assets(1, i)))).previewId);
    expect(await dispatch('import.commit', { previewId: ids[0] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await dispatch('import.commit', { previewId: ids[MAX_WAITING_PREVIEWS] }))).toEqual({ imported: 1 });
  });
});

describe('import.progress', () => {
  it('answers while the commit holds the store: idle, running with counts, done', async () => {
    const { dispatch, previewFile } = setUp();
    const p = await previewFile('assets', csv(ASSET_HEADER, ...assets(3500)));
    expect(value(await dispatch('import.progress', { previewId: p.previewId }))).toEqual({ state: 'idle', done: 0, total: 3500, message: null });
    const seen: ImportProgress[] = [];
    const commit = { finished: false };
    const committed = dispatch('import.commit', { previewId: p.previewId }).finally(() => {
      commit.finished = true;
    });
    // Poll between event-loop turns, as the UI's timer would; the batch yields every 1,000 rows.
    while (!commit.finished) {
      seen.push(value(await dispatch('import.progress', { previewId: p.previewId })) as ImportProgress);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(value(await committed)).toEqual({ imported: 3500 });
    const running = seen.filter((s) => s.state === 'running' && s.done > 0);
    expect(running.length).toBeGreaterThan(0);
    expect(running[0]).toEqual({ state: 'running', done: 1000, total: 3500, message: 'Imported 1,000 of 3,500 rows' });
    expect(value(await dispatch('import.progress', { previewId: p.previewId }))).toEqual({ state: 'done', done: 3500, total: 3500, message: 'Imported 3,500 rows' });
  });

  it('says when there is no such import', async () => {
    const { dispatch } = setUp();
    expect(await dispatch('import.progress', { previewId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('import.preview input', () => {
  it('refuses content that is not base64, and an over-long file before decoding it', async () => {
    const { dispatch } = setUp();
    expect(await dispatch('import.preview', { kind: 'assets', fileName: 'a.csv', contentBase64: 'not base64!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { contentBase64: 'Send the file content as base64 text' } },
    });
    const tooLong = await dispatch('import.preview', { kind: 'assets', fileName: 'a.csv', contentBase64: 'A'.repeat(69_905_072) });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { contentBase64: 'The file is larger than 50 MB: split it into smaller files and import each one' } },
    });
  });
});
