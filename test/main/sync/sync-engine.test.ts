import { describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_VERSION, type PullResponse } from '../../../src-shared/sync/protocol';
import type { TransportResult } from '../../../src-main/sync/engine/transport-errors';
import { engineSetup, offline } from './engine-harness';
import { ACCOUNT, deferred, mutation, page, settle, transportError } from './fakes';

const setup = engineSetup;

describe('sync engine: starting', () => {
  it('stays local only without an account: local writes are kept and nothing is sent', async () => {
    const { engine, store, server, timers } = setup({ signedIn: false, outbox: 2 });
    await engine.start();
    engine.localWrite();
    await settle();
    expect(engine.status()).toMatchObject({ state: 'local_only', pending: 2, account: null });
    expect(timers.pendingDelays()).toEqual([]);
    expect(server.calls).toEqual([]);
    expect(store.outbox).toHaveLength(2);
  });

  it('with an account but no saved sign-in, is signed out and sends nothing', async () => {
    const { engine, vault, server } = setup({ outbox: 1 });
    vault.clear();
    await engine.start();
    expect(engine.status()).toMatchObject({ state: 'signed_out', pending: 1, account: ACCOUNT });
    expect(server.calls).toEqual([]);
  });

  it('on start pushes the outbox, then pulls, and reports synced; listens for pokes and polls every minute', async () => {
    const { engine, server, store, pokes, timers, advance } = setup({ outbox: 3 });
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['push 1,2,3', 'pull null']);
    expect(server.pushes[0]).toMatchObject({ schemaVersion: SYNC_SCHEMA_VERSION, clientId: store.client });
    expect(store.outbox).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, lastSyncedAt: '2026-11-23T09:31:00.000Z', firstSync: null, message: null });
    expect(pokes.listening).toBe(true);
    expect(timers.pendingDelays()).toEqual([60_000]);

    await advance(60_000);
    expect(server.calls).toEqual(['push 1,2,3', 'pull null', 'pull c1']);
  });

  it('pushes a long outbox in order, in batches of at most MAX_PUSH_MUTATIONS and the byte limit', async () => {
    const { engine, server, store } = setup({ outbox: 1200 });
    await engine.start();
    await engine.idle();
    expect(server.pushes.map((push) => push.mutations.length)).toEqual([500, 500, 200]);
    expect(server.pushes.flatMap((push) => push.mutations.map((m) => m.id))).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));

    const big = setup({ outbox: 5 });
    big.store.bytesPerMutation = 3 * 1024 * 1024; // two fit under the 8 MiB body limit
    await big.engine.start();
    await big.engine.idle();
    expect(big.server.pushes.map((push) => push.mutations.length)).toEqual([2, 2, 1]);
    expect(store.outbox).toEqual([]);
  });
});

describe('sync engine: offline and back', () => {
  it('keeps the outbox while offline, backs off with full jitter, then pushes and pulls when the server is back', async () => {
    const { engine, server, store, timers, advance } = setup({ outbox: 3 });
    const online = server.onPush;
    server.onPush = offline;
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'offline', pending: 3 });
    expect(engine.status().message).toMatch(/cannot reach the server/);
    expect(store.outbox).toHaveLength(3);
    expect(server.calls).toEqual(['push 1,2,3']);
    expect(timers.pendingDelays()).toEqual([1_000]); // 0.5 × 2 s

    await advance(1_000);
    expect(engine.status().state).toBe('offline');
    expect(timers.pendingDelays()).toEqual([2_000]); // 0.5 × 4 s

    // Local writes while offline do not cut the backoff short (no request per keystroke to a dead server).
    store.outbox.push(mutation(4));
    engine.localWrite();
    await advance(1_500);
    expect(server.calls).toHaveLength(2);
    expect(engine.status().pending).toBe(4);

    server.onPush = online;
    await advance(500);
    expect(server.calls.slice(2)).toEqual(['push 1,2,3,4', 'pull null']);
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
    expect(store.outbox).toEqual([]);
    expect(timers.pendingDelays()).toEqual([60_000]);
  });

  it('"Sync now" cuts a backoff short', async () => {
    const { engine, server } = setup({ outbox: 1 });
    const online = server.onPush;
    server.onPush = offline;
    await engine.start();
    await engine.idle();
    server.onPush = online;
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'synced', pending: 0 });
  });

  it("waits at least a 429's Retry-After", async () => {
    const { engine, server, timers } = setup({ outbox: 1 });
    server.onPush = () => ({ ok: false, error: transportError({ code: 'rate_limited', status: 429, retryAfterMs: 30_000, message: 'busy' }) });
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'error', message: 'busy' });
    expect(timers.pendingDelays()).toEqual([30_000]);
  });
});

describe('sync engine: the sign-in ends, or the server is too new', () => {
  it('on 401 is signed out: the outbox is kept, the token forgotten, and nothing more is tried', async () => {
    const { engine, server, store, vault, pokes, timers, advance } = setup({ outbox: 2 });
    server.onPush = () => ({ ok: false, error: transportError({ kind: 'auth', code: 'unauthorised', status: 401, message: 'Your session has ended.' }) });
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'session_ended', pending: 2, account: ACCOUNT });
    expect(engine.status().message).toMatch(/^Your session has ended\. Your changes are kept/);
    expect(store.outbox).toHaveLength(2);
    expect(vault.load()).toBeNull();
    expect(pokes.listening).toBe(false);
    expect(timers.pendingDelays()).toEqual([]);

    engine.localWrite();
    await advance(10 * 60_000);
    expect(server.calls).toEqual(['push 1,2']);
  });

  it('a 401 on the poke stream signs out too, keeping everything', async () => {
    const { engine, pokes, store, vault, recovery } = setup({ outbox: 1 });
    store.outbox = [];
    await engine.start();
    await engine.idle();
    store.outbox = [mutation(2)];
    pokes.authFailure('unauthorised', 'Your session has expired. Sign in again.');
    expect(engine.status()).toMatchObject({ state: 'signed_out', reason: 'session_ended', account: ACCOUNT });
    expect(store.outbox).toHaveLength(1);
    expect(vault.load()).toBeNull();
    expect(recovery.written).toEqual([]);
  });

  it('on 409 schema_version stops syncing until updated, keeping the outbox', async () => {
    const { engine, server, store, pokes, timers, advance } = setup({ outbox: 2 });
    server.onPush = () => ({ ok: false, error: transportError({ kind: 'too_old', code: 'schema_version', status: 409, message: 'Update Custodian.' }) });
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'update_required', message: 'Update Custodian.', pending: 2 });
    expect(store.outbox).toHaveLength(2);
    expect(pokes.listening).toBe(false);
    expect(timers.pendingDelays()).toEqual([]);
    pokes.poke();
    await advance(120_000);
    expect(server.calls).toEqual(['push 1,2']);
  });
});

describe('sync engine: triggers', () => {
  it('a poke starts a cycle (after its random pause); pokes during a cycle make exactly one more', async () => {
    const { engine, server, pokes, timers, advance } = setup();
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['pull null']);

    pokes.poke();
    await advance(125);
    expect(server.calls).toEqual(['pull null', 'pull c1']);

    const reply = deferred<TransportResult<PullResponse>>();
    server.onPull = () => reply.promise;
    pokes.poke();
    timers.advance(125);
    await settle();
    expect(server.calls).toEqual(['pull null', 'pull c1', 'pull c2']);
    for (let i = 0; i < 2; i += 1) {
      pokes.poke();
      timers.advance(125);
    }
    await settle();
    server.onPull = () => ({ ok: true, value: page({ cookie: 'c9' }) });
    reply.resolve({ ok: true, value: page({ cookie: 'c3' }) });
    await engine.idle();
    expect(server.calls).toEqual(['pull null', 'pull c1', 'pull c2', 'pull c3']);
  });

  it('local writes are debounced: one cycle, 1.5 s after the last of a burst', async () => {
    const { engine, server, store, advance } = setup();
    await engine.start();
    await engine.idle();
    server.calls.length = 0;
    for (let id = 1; id <= 3; id += 1) {
      store.outbox.push(mutation(id));
      engine.localWrite();
      await advance(1_000);
    }
    expect(server.calls).toEqual([]);
    expect(engine.status().pending).toBe(3);
    await advance(499);
    expect(server.calls).toEqual([]);
    await advance(1);
    expect(server.calls).toEqual(['push 1,2,3', 'pull c1']);
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 });
  });
});

describe('sync engine: pulling', () => {
  it('holds the serial gate for the whole pull run, so no app call sees a half-applied patch', async () => {
    const { engine, server, store, gate } = setup();
    const second = deferred<TransportResult<PullResponse>>();
    server.onPull = (body) => (body.cookie === null ? { ok: true, value: page({ cookie: 'p1', more: true }) } : second.promise);
    await engine.start();
    await settle();
    const seen: string[] = [];
    const appCall = gate(() => {
      seen.push(`app call: run finished = ${String(store.runs[0]?.finished)}`);
      return Promise.resolve();
    });
    await settle();
    expect(seen).toEqual([]);
    second.resolve({ ok: true, value: page({ cookie: 'p2' }) });
    await appCall;
    await engine.idle();
    expect(seen).toEqual(['app call: run finished = true']);
    expect(store.cookie).toBe('p2');
  });

  it('shows first-sync progress while the pages of a first sync arrive, and none after', async () => {
    const { engine, server, store } = setup();
    const last = deferred<TransportResult<PullResponse>>();
    server.onPull = (body) =>
      body.cookie === null
        ? { ok: true, value: page({ cookie: 'p1', reset: true, more: true, progress: { done: 5000, total: 12_000 }, patch: [{ op: 'put', table: 'people', row: { id: 'p' } }] }) }
        : last.promise;
    await engine.start();
    await settle();
    expect(engine.status()).toMatchObject({ state: 'syncing', firstSync: { done: 5000, total: 12_000 } });
    last.resolve({ ok: true, value: page({ cookie: 'p2', progress: { done: 12_000, total: 12_000 } }) });
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'synced', firstSync: null });
    expect(store.records.has('people/p')).toBe(true);
  });

  it('a pull failing half-way rolls the whole run back and retries later', async () => {
    const { engine, server, store } = setup();
    server.onPull = (body) => (body.cookie === null ? { ok: true, value: page({ cookie: 'p1', more: true }) } : offline());
    await engine.start();
    await engine.idle();
    expect(store.runs[0]).toMatchObject({ finished: false, aborted: true });
    expect(store.cookie).toBeNull();
    expect(engine.status().state).toBe('offline');
  });

  it('a page the store cannot hold is an error with the store’s message, rolled back and retried later', async () => {
    const { engine, store, timers } = setup();
    store.failApply = new Error('The server sent a people row this desktop cannot store');
    await engine.start();
    await engine.idle();
    expect(engine.status().state).toBe('error');
    expect(engine.status().message).toMatch(/cannot store/);
    expect(store.runs[0]?.aborted).toBe(true);
    expect(timers.pendingDelays()).toEqual([1_000]);
  });

  it('starts again from no cookie when the server does not know ours (bad_cookie)', async () => {
    const { engine, server, store } = setup();
    store.cookie = 'stale';
    server.onPull = (body) =>
      body.cookie === 'stale'
        ? { ok: false, error: transportError({ kind: 'permanent', code: 'bad_cookie', status: 400, message: 'unknown cookie' }) }
        : { ok: true, value: page({ cookie: 'fresh', reset: true }) };
    await engine.start();
    await engine.idle();
    expect(server.calls).toEqual(['pull stale', 'pull null']);
    expect(engine.status().state).toBe('synced');
    expect(store.cookie).toBe('fresh');
  });

  it('reports rejections the pull brought back', async () => {
    const { engine, server } = setup({ outbox: 1 });
    server.onPull = () => ({
      ok: true,
      value: page({
        lastMutationId: 1,
        rejections: [{ mutationId: 1, name: 'asset.issue', code: 'conflict', message: 'not applied: issued to A. Smith', rejectedAt: '2026-11-23T09:31:00.000Z' }],
      }),
    });
    await engine.start();
    await engine.idle();
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0, rejected: 1 });
    expect(engine.status().message).toMatch(/did not apply 1 change/);
  });
});

describe('sync engine: stopping', () => {
  it('stop aborts a pull under way: the run is rolled back and no state is reported from it', async () => {
    const { engine, server, store, timers } = setup();
    server.onPull = (_body, signal) =>
      new Promise((resolve) => {
        signal?.addEventListener('abort', () => {
          resolve(offline());
        });
      });
    await engine.start();
    await settle();
    await engine.stop();
    expect(store.runs[0]).toMatchObject({ aborted: true, finished: false });
    expect(engine.status().state).not.toBe('offline');
    expect(timers.pendingDelays()).toEqual([]);
  });
});
