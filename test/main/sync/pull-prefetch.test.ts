import { describe, expect, it } from 'vitest';
import { runCycle } from '../../../src-main/sync/engine/sync-cycle';
import type { PullRunPort } from '../../../src-main/sync/engine/ports';
import { ACCOUNT, deferred, FakeServer, FakeStore, page, TOKEN } from './fakes';

/** A three-page first sync: c1 and c2 say more follows, c3 is the last. */
function threePages(server: FakeServer): void {
  server.onPull = (body) => {
    const index = body.cookie === null ? 1 : Number(body.cookie.slice(1)) + 1;
    return { ok: true, value: page({ cookie: `c${String(index)}`, reset: index === 1, more: index < 3, progress: { done: index, total: 3 } }) };
  };
}

/** Notes each page's apply in the server's call log, so requests and applies appear in the order they happened. */
function loggingStore(server: FakeServer): FakeStore {
  const store = new FakeStore();
  const begin = store.beginPull.bind(store);
  store.beginPull = (): PullRunPort => {
    const run = begin();
    return {
      ...run,
      apply: (pulled) => {
        server.calls.push(`apply ${pulled.cookie}`);
        return run.apply(pulled);
      },
    };
  };
  return store;
}

function cycle(server: FakeServer, store: FakeStore, signals: AbortSignal[] = []) {
  const transport = server.transport('https://custodian.example.gov.uk');
  return runCycle({
    store,
    transport: {
      ...transport,
      pull: (token, body, signal) => {
        if (signal) signals.push(signal);
        return transport.pull(token, body, signal);
      },
    },
    token: TOKEN,
    actorId: ACCOUNT.personId,
    exclusive: (work) => work(),
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
}

describe('pulling a run of several pages', () => {
  it('asks for the next page before applying the one that arrived, and not beyond the last', async () => {
    const server = new FakeServer();
    threePages(server);
    const store = loggingStore(server);
    const outcome = await cycle(server, store);
    expect(outcome.ok).toBe(true);
    expect(server.calls).toEqual(['pull null', 'pull c1', 'apply c1', 'pull c2', 'apply c2', 'apply c3']);
    expect(store.runs[0]?.finished).toBe(true);
  });

  it('cancels the page asked for ahead when applying a page fails, and commits nothing', async () => {
    const server = new FakeServer();
    threePages(server);
    const held = deferred<undefined>();
    const basePull = server.onPull;
    // The request for page 2 waits, so it is still in flight when page 1 fails to apply.
    server.onPull = async (body, signal) => {
      if (body.cookie === 'c1') await held.promise;
      return basePull(body, signal);
    };
    const store = loggingStore(server);
    store.failApply = new Error('disk full');
    const signals: AbortSignal[] = [];
    const outcome = await cycle(server, store, signals);
    held.resolve(undefined);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error.message).toContain('disk full');
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(true);
    expect(store.runs[0]).toMatchObject({ finished: false, aborted: true });
  });
});
