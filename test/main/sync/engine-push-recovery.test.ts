import { describe, expect, it } from 'vitest';
import type { PushRequest } from '../../../src-shared/sync/protocol';
import type { TransportResult } from '../../../src-main/sync/engine/transport-errors';
import { engineSetup } from './engine-harness';
import { ACCOUNT, mutation, transportError } from './fakes';

/** The server's 409 mutation_gap, naming its last processed id as the server does (fields.lastMutationId). */
function gap(last: number | null): TransportResult<never> {
  return {
    ok: false,
    error: transportError({
      kind: 'permanent',
      code: 'mutation_gap',
      status: 409,
      message: `Nothing in this push was applied; push again from ${String((last ?? 0) + 1)}.`,
      fields: last === null ? {} : { 'mutations.0.id': `Expected ${String(last + 1)}`, lastMutationId: String(last) },
    }),
  };
}

const mismatch = (): TransportResult<never> => ({
  ok: false,
  error: transportError({ kind: 'permanent', code: 'client_mismatch', status: 403, message: 'This client id is bound to another account.' }),
});

const ids = (push: PushRequest) => {
  const first = push.mutations[0]?.id ?? 0;
  const last = push.mutations.at(-1)?.id ?? 0;
  return `${String(first)}-${String(last)}`;
};

describe('sync engine: a gap in the mutation ids', () => {
  it('pushes again from the id after the one the server names, when the outbox still holds it', async () => {
    const { engine, server, store } = engineSetup({ outbox: 1200 });
    const apply = server.onPush;
    let calls = 0;
    server.onPush = (body) => {
      calls += 1;
      // The second push finds a server that has lost 301–500 (restored from a backup taken in between).
      if (calls === 2) {
        server.lastProcessed = 300;
        return gap(300);
      }
      return apply(body);
    };
    await engine.start();
    await engine.idle();
    expect(server.pushes.map(ids)).toEqual(['1-500', '501-1000', '301-800', '801-1200']);
    expect(server.calls.at(-1)).toBe('pull null');
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
    expect(store.outbox).toEqual([]);
  });

  it('stops with a clear error, keeping the whole outbox, when the change the server needs is no longer here', async () => {
    const { engine, server, store, timers } = engineSetup();
    store.outbox = [mutation(5), mutation(6), mutation(7)];
    server.onPush = () => gap(2);
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['push 5,6,7']);
    expect(engine.status()).toMatchObject({ state: 'error', pending: 3 });
    expect(engine.status().message).toBe(
      'The server has this computer’s changes up to number 2, but change 3 is no longer on this computer, so the rest cannot be sent in order. ' +
        'The 3 changes waiting here are kept. Contact the IT service desk; signing out saves them to a recovery file.',
    );
    expect(store.outbox.map((entry) => entry.id)).toEqual([5, 6, 7]);
    expect(timers.pendingDelays()).toEqual([1_000]);
  });

  it('does not guess when the server does not name its last id, and keeps the outbox', async () => {
    const { engine, server, store } = engineSetup({ outbox: 2 });
    server.onPush = () => gap(null);
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['push 1,2']);
    expect(engine.status()).toMatchObject({ state: 'error', pending: 2 });
    expect(engine.status().message).toMatch(/^The server is missing some of this computer’s earlier changes, so the rest cannot be sent in order\. The 2 changes/);
    expect(store.outbox).toHaveLength(2);
  });

  it('resumes at most three times in one sync, so a server that keeps saying "gap" cannot hold it in a loop', async () => {
    const { engine, server, store } = engineSetup({ outbox: 2 });
    server.onPush = () => gap(0);
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['push 1,2', 'push 1,2', 'push 1,2', 'push 1,2']);
    expect(engine.status()).toMatchObject({ state: 'error', pending: 2 });
    expect(engine.status().message).toMatch(/^Some of the changes the server expects after number 0 are no longer on this computer, so the rest cannot be sent in order\./);
    expect(store.outbox).toHaveLength(2);
  });
});

describe('sync engine: the client id is bound to another account', () => {
  it('with nothing waiting, takes a new client id for this account and syncs again at once from nothing', async () => {
    const { engine, server, store } = engineSetup();
    store.cookie = 'c-old';
    store.records.set('people/p1', {});
    const old = store.client;
    server.onPull = (body) => (body.clientId === old ? mismatch() : { ok: true, value: { cookie: 'c-new', lastMutationId: 0, reset: true, more: false, progress: { done: 0, total: null }, patch: [], rejections: [] } });
    await engine.start();
    await engine.idle();
    expect(server.pulls.map((pull) => [pull.clientId === old ? 'old' : 'new', pull.cookie])).toEqual([
      ['old', 'c-old'],
      ['new', null],
    ]);
    expect(store.client).not.toBe(old);
    expect(store.account).toEqual(ACCOUNT);
    expect(store.cookie).toBe('c-new');
    expect(engine.status()).toMatchObject({ state: 'synced', account: ACCOUNT, message: null });
  });

  it('with changes waiting, never sends them under a new id: stops with a clear error and keeps them', async () => {
    const { engine, server, store, timers, recovery } = engineSetup({ outbox: 2 });
    const old = store.client;
    server.onPush = mismatch;
    await engine.start();
    await engine.idle();
    expect(server.pushes.map((push) => push.clientId)).toEqual([old]);
    expect(store.client).toBe(old);
    expect(store.outbox).toHaveLength(2);
    expect(recovery.written).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'error', pending: 2, account: ACCOUNT });
    expect(engine.status().message).toBe(
      `The server has this computer’s sync identity bound to another account, so Custodian cannot sync as ${ACCOUNT.email}. ` +
        'The 2 changes made here that have not been sent are kept on this computer, and will not be sent as you. ' +
        'Signing out saves them to a recovery file (signing in again then starts afresh); contact the IT service desk about them.',
    );
    expect(timers.pendingDelays()).toEqual([1_000]);
  });

  it('takes a new client id once per sign-in: refused again, it stops and says so', async () => {
    const { engine, server, store } = engineSetup();
    server.onPull = mismatch;
    await engine.start();
    await engine.idle();
    expect(server.pulls.map((pull) => pull.clientId)).toEqual(['0190a0a0-0000-7000-8000-0000000000c1', '0190a0a0-0000-7000-8000-0000000000c2']);
    expect(store.client).toBe('0190a0a0-0000-7000-8000-0000000000c2');
    expect(engine.status()).toMatchObject({ state: 'error' });
    expect(engine.status().message).toMatch(/Sign out and sign in again; if this keeps happening, contact the IT service desk\.$/);
  });
});
