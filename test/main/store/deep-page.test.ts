import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssetPage, AssetPageInput } from '../../../src-shared/api/asset-queries';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import { mutators } from '../../../src-shared/mutators/registry';
import { runMutation } from '../../../src-main/store/mutation-runner';
import { LOCAL_MIGRATIONS } from '../../../src-main/store/local-migrations';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { assetPage } from '../../../src-main/store/queries/asset-page';
import { deepIndexFor } from '../../../src-main/store/queries/deep-page/deep-index';
import { DEEP_OFFSET, deepPageItems } from '../../../src-main/store/queries/deep-page/deep-page';
import { findPage } from '../../../src-main/store/queries/deep-page/walk';
import { testDispatcher } from '../../support/dispatcher';
import { value } from '../../support/result';
import { fixedClock, memoryStore, tempDir } from '../../support/store';

const id = (kind: number, n: number) => `0190d000-0000-7000-8${String(kind)}00-${String(n).padStart(12, '0')}`;
const env = (store: Store) => ({ db: store.db, clientId: store.installation.clientId, actorId: null, clock: fixedClock });

/** `count` assets AT-0001 … through asset.import (the real batch mutator): laptops at odd numbers, monitors at even. */
async function importAssets(store: Store, count: number, from = 1): Promise<void> {
  for (let start = from; start < from + count; start += 1000) {
    const rows = [];
    for (let n = start; n < Math.min(start + 1000, from + count); n += 1) {
      rows.push({ id: id(2, n), assetTag: `AT-${String(n).padStart(4, '0')}`, serialNumber: `SN${String(n)}`, type: n % 2 === 1 ? 'laptop' : 'monitor', model: 'Dell' });
    }
    await runMutation(env(store), mutators['asset.import'], { rows });
  }
}

async function person(store: Store): Promise<string> {
  const personId = id(1, 1);
  await runMutation(env(store), mutators['person.create'], { id: personId, staffNumber: 'S1', name: 'Ada Lovelace', email: 'ada@example.gov.uk', trainingCompletedOn: '2026-06-01' });
  return personId;
}

const input = (overrides: Partial<AssetPageInput>): AssetPageInput => ({
  filters: {},
  sort: { column: 'assetTag', direction: 'asc' },
  limit: 10,
  offset: 0,
  ...overrides,
});

/** The in-memory page next to the SQL page for the same question (registers here are below DEEP_OFFSET). */
function bothWays(store: Store, question: AssetPageInput) {
  const sql = assetPage(store.db, question);
  return { sql: sql.items, deep: deepPageItems(store.db, question, sql.total) };
}

describe('findPage', () => {
  it('finds the same page from either end as filtering then slicing the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat({ max: 70 }),
        fc.integer({ min: 1, max: 20 }),
        (keep, filtered, descending, offset, limit) => {
          const order = Int32Array.from(keep.map((_, i) => (i * 7919) % 1009)); // distinct rowids in no particular order
          const test = filtered ? (rowid: number) => keep[order.indexOf(rowid)] === true : null;
          const ordered = [...order].filter((rowid) => test === null || test(rowid));
          if (descending) ordered.reverse();
          expect(findPage(order, test, { descending, offset, limit, total: ordered.length })).toEqual(ordered.slice(offset, offset + limit));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the deep-page index is dropped when the data changes', () => {
  it('is kept while nothing is written, and a write through this connection makes the next page see it', async () => {
    const store = memoryStore();
    const holder = await person(store);
    await importAssets(store, 12);
    const issued = input({ filters: { statuses: ['issued'] } });
    expect(bothWays(store, issued)).toEqual({ sql: [], deep: [] });
    const index = deepIndexFor(store.db);
    expect(index?.held()).toEqual({ columns: ['assetTag'], bytes: 12 * 4 + 13 * 6 });
    expect(deepIndexFor(store.db)).toBe(index); // reads do not invalidate

    await runMutation(env(store), mutators['asset.issue'], { assetId: id(2, 5), personId: holder, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
    expect(deepIndexFor(store.db)).not.toBe(index);
    const after = bothWays(store, issued);
    expect(after.deep?.map((row) => row.assetTag)).toEqual(['AT-0005']);
    expect(after.deep).toEqual(after.sql);

    await importAssets(store, 1, 13); // a new asset: the sort order is rebuilt with it
    const last = bothWays(store, input({ sort: { column: 'assetTag', direction: 'desc' }, limit: 1 }));
    expect(last.deep?.map((row) => row.assetTag)).toEqual(['AT-0013']);
    store.close();
  });

  it('is dropped when another connection commits to the same file (a second app instance)', async () => {
    const dir = tempDir();
    const mine = openStore(dir, LOCAL_MIGRATIONS);
    await importAssets(mine, 5);
    const laptops = input({ filters: { types: ['laptop'] }, sort: { column: 'model', direction: 'desc' } });
    expect(bothWays(mine, laptops).deep?.map((row) => row.assetTag)).toEqual(['AT-0005', 'AT-0003', 'AT-0001']);
    const index = deepIndexFor(mine.db);

    const other = openStore(dir, LOCAL_MIGRATIONS);
    await importAssets(other, 2, 6);
    other.close();
    expect(deepIndexFor(mine.db)).not.toBe(index);
    expect(bothWays(mine, laptops).deep?.map((row) => row.assetTag)).toEqual(['AT-0007', 'AT-0005', 'AT-0003', 'AT-0001']);
    mine.close();
  });

  it('is not used inside an open transaction, whose rollback would not move the data stamp back', async () => {
    const store = memoryStore();
    await importAssets(store, 3);
    store.db.exec('BEGIN');
    expect(deepIndexFor(store.db)).toBeNull();
    expect(deepPageItems(store.db, input({}), 3)).toBeNull();
    store.db.exec('ROLLBACK');
    expect(deepIndexFor(store.db)).not.toBeNull();
    store.close();
  });
});

describe('the deep-page index’s memory budget', () => {
  it('keeps the sort orders used most recently within the budget, and leaves pages it cannot hold to SQL', async () => {
    const store = memoryStore();
    await importAssets(store, 10); // 40 bytes a sort order
    const index = deepIndexFor(store.db, 100);
    expect(index?.order('model')).not.toBeNull();
    expect(index?.order('type')).not.toBeNull();
    expect(index?.order('model')).not.toBeNull(); // now the most recently used
    expect(index?.order('location')).not.toBeNull();
    expect(index?.held()).toEqual({ columns: ['model', 'location'], bytes: 80 });
    expect(index?.codes()).toBeNull(); // 66 bytes of codes and one order do not fit in 100
    store.close();

    const small = memoryStore();
    await importAssets(small, 30);
    expect(deepIndexFor(small.db, 100)?.order('model')).toBeNull(); // 120 bytes: the SQL page answers
    small.close();
  });
});

describe('asset.page deep in the list', () => {
  it('answers from the in-memory index from DEEP_OFFSET on, with the SQL page’s rows and total', async () => {
    const { dispatch, store } = testDispatcher();
    const db = (store as Store).db;
    await importAssets(store as Store, 2 * DEEP_OFFSET + 100);
    const page = async (question: object) => value<AssetPage>(await dispatch('asset.page', question));
    const tags = (result: AssetPage) => result.items.map((row) => row.assetTag);

    const deep = await page({ offset: DEEP_OFFSET + 50, limit: 3 });
    expect(tags(deep)).toEqual(['AT-1051', 'AT-1052', 'AT-1053']);
    expect(deep.total).toBe(2 * DEEP_OFFSET + 100);
    expect(deepIndexFor(db)?.held().columns).toEqual(['assetTag']); // the deep path answered

    const laptops = await page({ filters: { types: ['laptop'] }, sort: { column: 'assetTag', direction: 'desc' }, offset: DEEP_OFFSET, limit: 3 });
    expect(tags(laptops)).toEqual(['AT-0099', 'AT-0097', 'AT-0095']);
    expect(laptops.total).toBe(DEEP_OFFSET + 50);

    // A search stays on the SQL path.
    const searched = await page({ filters: { search: 'at-' }, offset: DEEP_OFFSET, limit: 2 });
    expect(tags(searched)).toEqual(['AT-1001', 'AT-1002']);
    expect(deepIndexFor(db)?.held().columns).toEqual(['assetTag']);
  });
});
