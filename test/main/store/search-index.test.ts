import { describe, expect, it } from 'vitest';
import { SqliteTx } from '../../../src-main/store/sqlite-tx';
import { CURRENT_AUP_VERSION } from '../../../src-shared/domain/policy';
import { newId } from '../../../src-shared/ids';
import { testDispatcher } from '../../support/dispatcher';
import { memoryStore } from '../../support/store';

const found = (store: ReturnType<typeof memoryStore>, table: 'asset_search' | 'people_search', query: string) =>
  store.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(`"${query}"*`);

describe('the search index kept by the store’s writes (no triggers)', () => {
  it('follows an asset through create, issue and return, and a person through create', async () => {
    const store = memoryStore();
    const { dispatch } = testDispatcher(store);
    const person = newId();
    const asset = newId();
    await dispatch('person.create', {
      id: person,
      staffNumber: 'S1',
      name: 'Ada Lovelace',
      email: 'ada@example.gov.uk',
      trainingCompletedOn: '2026-06-01',
    });
    await dispatch('asset.create', { id: asset, assetTag: 'LT-0042', serialNumber: 'PF3XK9Q2', type: 'laptop', model: 'Lenovo ThinkPad T14' });
    expect(found(store, 'people_search', 'lovel')).toHaveLength(1);
    expect(found(store, 'asset_search', 'lt-004')).toHaveLength(1);
    expect(found(store, 'asset_search', 'lovel')).toHaveLength(0);
    await dispatch('asset.issue', { assetId: asset, personId: person, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
    expect(found(store, 'asset_search', 'lovel')).toHaveLength(1);
    expect(store.db.prepare('SELECT holder_name FROM assets WHERE id = ?').pluck().get(asset)).toBe('Ada Lovelace');
    await dispatch('asset.return', { assetId: asset, condition: 'Good condition' });
    expect(found(store, 'asset_search', 'lovel')).toHaveLength(0);
    expect(store.db.prepare('SELECT holder_name FROM assets WHERE id = ?').pluck().get(asset)).toBeNull();
    expect(found(store, 'asset_search', 'pf3x')).toHaveLength(1);
  });

  it('renames a holder in the asset index and the people index', async () => {
    const store = memoryStore();
    const { dispatch } = testDispatcher(store);
    const person = newId();
    const asset = newId();
    await dispatch('person.create', {
      id: person,
      staffNumber: 'S1',
      name: 'Ada Lovelace',
      email: 'ada@example.gov.uk',
      trainingCompletedOn: '2026-06-01',
    });
    await dispatch('asset.create', { id: asset, assetTag: 'LT-0042', serialNumber: 'PF3XK9Q2', type: 'laptop', model: 'Lenovo ThinkPad T14' });
    await dispatch('asset.issue', { assetId: asset, personId: person, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
    const tx = new SqliteTx(store.db, { clientId: store.installation.clientId, mutationId: 99, actorId: null, now: new Date().toISOString() });
    await tx.update('people', person, { name: 'Ada King' });
    expect(found(store, 'asset_search', 'king')).toHaveLength(1);
    expect(found(store, 'asset_search', 'lovel')).toHaveLength(0);
    expect(found(store, 'people_search', 'king')).toHaveLength(1);
    expect(found(store, 'people_search', 'lovel')).toHaveLength(0);
    expect(store.db.prepare('SELECT holder_name FROM assets WHERE id = ?').pluck().get(asset)).toBe('Ada King');
  });

  it('holds exactly what the 0002 triggers held after a whole department’s writes, and stays consistent', async () => {
    const store = memoryStore();
    const { dispatch } = testDispatcher(store);
    expect((await dispatch('demo.load', {})).ok).toBe(true);
    const indexed = store.db
      .prepare('SELECT rowid, asset_tag, serial_number, imei, phone_number, model, holder_name FROM asset_search ORDER BY rowid')
      .all();
    const expected = store.db
      .prepare(
        `SELECT a.rowid AS rowid, a.asset_tag, a.serial_number, a.imei, a.phone_number, a.model, p.name AS holder_name
           FROM assets a LEFT JOIN people p ON p.id = a.holder_id ORDER BY a.rowid`,
      )
      .all();
    expect(indexed).toEqual(expected);
    expect(store.db.prepare('SELECT COUNT(*) FROM people_search').pluck().get()).toBe(500);
    expect(() => store.db.exec("INSERT INTO asset_search (asset_search, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});
