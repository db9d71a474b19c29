import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src-shared/ids';
import { mutators } from '../../../../src-shared/mutators/registry';
import { runMutation } from '../../../../src-main/store/mutation-runner';
import { clearLocalData, hasLocalData } from '../../../../src-main/sync/store/clear-local-data';
import { currentClientId } from '../../../../src-main/sync/store/outbox';
import { clearAccount, readSyncState, saveAccount, saveLastError } from '../../../../src-main/sync/store/sync-state';
import { fixedClock, memoryStore } from '../../../support/store';
import { assetRow, count, environment, page, personRow, pull, put } from './fixtures';

const account = { serverUrl: 'https://custodian.example.gov.uk', personId: newId(), email: 'ada@example.gov.uk', name: 'Ada Lovelace', roles: ['staff', 'line_manager'] };

describe('sync state', () => {
  it('keeps the account, server and cookie; clearing the account keeps the server', async () => {
    const store = memoryStore();
    expect(readSyncState(store.db)).toEqual({ serverUrl: null, account: null, cookie: null, lastSyncedAt: null, lastError: null });
    saveAccount(store.db, account);
    saveLastError(store.db, 'The server could not be reached');
    await pull(store, [page({ reset: true, cookie: 'c-1' })]);
    expect(readSyncState(store.db)).toEqual({ serverUrl: account.serverUrl, account, cookie: 'c-1', lastSyncedAt: fixedClock().toISOString(), lastError: 'The server could not be reached' });
    clearAccount(store.db);
    expect(readSyncState(store.db)).toMatchObject({ serverUrl: account.serverUrl, account: null, cookie: 'c-1' });
  });
});

describe('clearLocalData', () => {
  it('removes the records, search index, outbox, undo records, rejections, account and cookie, and gives a new client id', async () => {
    const store = memoryStore();
    saveAccount(store.db, account);
    const manager = personRow();
    await pull(store, [page({ reset: true, cookie: 'c-1', patch: [put('people', manager), put('people', personRow({ lineManagerId: manager.id })), put('assets', assetRow({ status: 'issued', holderId: manager.id }))] })]);
    await runMutation(environment(store), mutators['asset.create'], { id: newId(), assetTag: 'LT-9', serialNumber: 'S9', type: 'laptop', model: 'Dell' });
    store.db.prepare("INSERT INTO sync_rejections (mutation_id, name, code, message, rejected_at) VALUES (1, 'asset.issue', 'conflict', 'No', 't')").run();
    const oldClientId = store.installation.clientId;
    expect(hasLocalData(store.db)).toBe(true);

    const installation = clearLocalData(store.db);
    expect(hasLocalData(store.db)).toBe(false);

    expect(installation.clientId).not.toBe(oldClientId);
    expect(currentClientId(store.db)).toBe(installation.clientId);
    expect(store.db.prepare('SELECT last_mutation_id AS n FROM installation').get()).toEqual({ n: 0 });
    for (const table of ['people', 'assets', 'asset_events', 'aup_acknowledgements', 'asset_search', 'people_search', 'outbox', 'undo_log', 'sync_rejections']) {
      expect(count(store.db, table), table).toBe(0);
    }
    expect(readSyncState(store.db)).toEqual({ serverUrl: account.serverUrl, account: null, cookie: null, lastSyncedAt: null, lastError: null });
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.inTransaction).toBe(false);

    // Mutations start again from 1, under the new client id.
    const env = { ...environment(store), clientId: installation.clientId };
    expect(await runMutation(env, mutators['asset.create'], { id: newId(), assetTag: 'LT-1', serialNumber: 'S1', type: 'laptop', model: 'Dell' })).toEqual({ mutationId: 1 });
    expect(store.db.prepare('SELECT client_id AS c FROM outbox').get()).toEqual({ c: installation.clientId });
  });
});
