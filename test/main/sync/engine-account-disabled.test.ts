import { describe, expect, it } from 'vitest';
import type { TransportResult } from '../../../src-main/sync/engine/transport-errors';
import { engineSetup } from './engine-harness';
import { ACCOUNT, mutation, settle, transportError } from './fakes';

const DISABLED = 'This account has been disabled. Contact an administrator if you think this is wrong.';
const disabled = (): TransportResult<never> => ({ ok: false, error: transportError({ kind: 'auth', code: 'account_disabled', status: 401, message: DISABLED }) });
const expired = (): TransportResult<never> => ({
  ok: false,
  error: transportError({ kind: 'auth', code: 'unauthorised', status: 401, message: 'Your session has expired. Sign in again.' }),
});

describe('sync engine: the account is disabled', () => {
  it('exports the unsent changes to a recovery file, removes the account’s data and signs out saying why', async () => {
    const { engine, server, store, vault, pokes, timers, recovery, advance } = engineSetup({ outbox: 2 });
    store.records.set('people/p1', {});
    const firstClient = store.client;
    server.onPush = disabled;
    await engine.start();
    await engine.idle();

    expect(recovery.written).toEqual([
      { reason: 'account_disabled', clientId: firstClient, account: { serverUrl: ACCOUNT.serverUrl, email: ACCOUNT.email }, outbox: { mutations: [mutation(1), mutation(2)] } },
    ]);
    expect(store).toMatchObject({ account: null, outbox: [], cookie: null });
    expect(store.records.size).toBe(0);
    expect(store.client).not.toBe(firstClient);
    expect(vault.load()).toBeNull();
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'account_disabled', pending: 0, account: null });
    expect(engine.status().message).toBe(
      `${DISABLED} This account’s records were removed from this computer, and the 2 changes that had not been sent were saved to /data/recovery/unsent-1.json.`,
    );
    expect(engine.actorId()).toBeNull();
    expect(pokes.listening).toBe(false);
    expect(timers.pendingDelays()).toEqual([]);

    // Nothing more is sent: local work goes on, and waits for whoever signs in next.
    store.outbox.push(mutation(1));
    engine.localWrite();
    await advance(10 * 60_000);
    expect(server.calls).toEqual(['push 1,2']);
  });

  it('on a plain expired session keeps the data, the outbox and the account, and writes no recovery file', async () => {
    const { engine, server, store, recovery } = engineSetup({ outbox: 2 });
    store.records.set('people/p1', {});
    server.onPush = expired;
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'session_ended', pending: 2, account: ACCOUNT });
    expect(store.outbox).toHaveLength(2);
    expect(store.records.size).toBe(1);
    expect(store.account).toEqual(ACCOUNT);
    expect(recovery.written).toEqual([]);
  });

  it('a pull refused as disabled does the same (nothing waiting: no recovery file)', async () => {
    const { engine, server, store, recovery } = engineSetup();
    store.records.set('assets/a1', {});
    server.onPull = disabled;
    await engine.start();
    await engine.idle();
    expect(recovery.written).toEqual([]);
    expect(store.records.size).toBe(0);
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'account_disabled', account: null });
    expect(engine.status().message).toBe(`${DISABLED} This account’s records were removed from this computer.`);
  });

  it('the poke stream’s 401 account_disabled removes the data too, between syncs', async () => {
    const { engine, store, pokes, recovery, server } = engineSetup();
    await engine.start();
    await engine.idle();
    store.outbox = [mutation(1)];
    pokes.authFailure('account_disabled', DISABLED);
    await settle();
    await engine.idle();
    expect(recovery.written.map((file) => file.reason)).toEqual(['account_disabled']);
    expect(store.outbox).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'account_disabled', account: null });
    expect(server.calls).toEqual(['pull null']);
  });

  it('when the recovery file cannot be written, removes nothing and keeps the token so the next start tries again', async () => {
    const { engine, server, store, vault, recovery, restart } = engineSetup({ outbox: 1 });
    store.records.set('people/p1', {});
    recovery.fail = new Error('ENOSPC: no space left on device');
    server.onPush = disabled;
    await engine.start();
    await engine.idle();
    expect(store.outbox).toHaveLength(1);
    expect(store.records.size).toBe(1);
    expect(store.account).toEqual(ACCOUNT);
    expect(vault.load()).not.toBeNull();
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'account_disabled' });
    expect(engine.status().message).toMatch(/could not save the unsent changes to a recovery file, so this account’s records are still on this computer \(ENOSPC/);

    // The app starts again: the server still says disabled, and this time the file can be written.
    recovery.fail = null;
    await engine.stop();
    const restarted = restart();
    await restarted.start();
    await restarted.idle();
    expect(recovery.written).toHaveLength(1);
    expect(store.outbox).toEqual([]);
    expect(store.records.size).toBe(0);
    expect(vault.load()).toBeNull();
    expect(restarted.status()).toMatchObject({ state: 'signed_out', reason: 'account_disabled', account: null });
  });
});
