import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessServer, type HarnessAccount, type InProcessServer } from '../../src-server/harness/in-process-server';
import type { Ticker } from '../../src-server/sync/poke/poke-hub';
import { newId } from '../../src-shared/ids';
import { TEST_CONFIG } from './support/api';
import { TestClock } from './support/clock';
import { EventStream } from './support/event-stream';
import { intents, overHttp, SyncClient } from './support/sync';

const POKE = 'event: poke\ndata: {}\n\n';
const HEARTBEAT = ': heartbeat\n\n';

async function post(server: InProcessServer, path: string, token: string, body?: unknown): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('sync pokes: server-sent events on PGlite', { timeout: 60_000 }, () => {
  const clock = new TestClock();
  let beat: () => void = () => undefined;
  const ticker: Ticker = (_ms, tick) => {
    beat = tick;
    return () => (beat = () => undefined);
  };
  let server: InProcessServer;
  let desk: HarnessAccount;
  let admin: HarnessAccount;

  beforeAll(async () => {
    server = await startInProcessServer({ clock: clock.now, config: TEST_CONFIG, sync: { ticker } });
    desk = await server.addAccount({ roles: ['it_service_desk'] });
    admin = await server.addAccount({ roles: ['admin'] });
  }, 60_000);
  afterAll(() => server.close());

  async function open(token: string): Promise<EventStream> {
    const opened = await EventStream.open(server.url, token);
    expect([opened.status, opened.contentType]).toEqual([200, 'text/event-stream; charset=utf-8']);
    if (!opened.stream) throw new Error('no stream');
    await opened.stream.next(': connected\n\n');
    return opened.stream;
  }

  it('pokes every open stream, whoever it belongs to, after a change is committed', async () => {
    const staff = await server.addAccount({ roles: [] });
    const mine = await open(desk.token);
    const theirs = await open(staff.token);
    const client = new SyncClient(overHttp(server.url), desk.token);
    await client.push([intents.createAsset(newId(), 'LT-POKE-1')]);
    await mine.next(POKE);
    await theirs.next(POKE);
    // Every commit that moves the sync head pokes, also one made outside a push (here: a new account's person).
    await server.addAccount({ roles: [] });
    await theirs.next(POKE);
    await Promise.all([mine.cancel(), theirs.cancel()]);
  });

  it('writes a heartbeat comment on every tick', async () => {
    const stream = await open(desk.token);
    beat();
    await stream.next(HEARTBEAT);
    beat();
    await stream.next(HEARTBEAT);
    await stream.cancel();
  });

  it('closes a stream when its session signs out, and only that stream', async () => {
    const person = await server.addAccount({ roles: [] });
    const other = await server.sessionFor(person.personId);
    const leaving = await open(person.token);
    const staying = await open(other);
    expect(await post(server, '/api/v1/auth/sign-out', person.token)).toBe(200);
    await leaving.ended();
    beat();
    await staying.next(HEARTBEAT);
    await staying.cancel();
  });

  it('closes every stream of an account at once when it is disabled', async () => {
    const leaver = await server.addAccount({ roles: [] });
    const second = await server.sessionFor(leaver.personId);
    const streams = [await open(leaver.token), await open(second)];
    expect(await post(server, `/api/v1/admin/accounts/${leaver.personId}/disable`, admin.token)).toBe(200);
    await Promise.all(streams.map((stream) => stream.ended()));
    // The desktop reconnects and is told why, so it removes the account's data rather than waiting for a sign-in.
    const refused = await EventStream.open(server.url, leaver.token);
    expect([refused.status, (refused.json as { error: { code: string } }).error.code]).toEqual([401, 'account_disabled']);
  });

  it('refuses a request without a valid session with 401, as JSON', async () => {
    for (const token of [undefined, 'cus_not-a-real-token', `cus_${'A'.repeat(43)}`]) {
      const refused = await EventStream.open(server.url, token);
      expect([refused.status, refused.contentType, (refused.json as { error: { code: string } }).error.code]).toEqual([401, 'application/json; charset=utf-8', 'unauthorised']);
    }
  });

  it('closes a stream at the heartbeat after its session went idle', async () => {
    const sleepy = await server.addAccount({ roles: [] });
    const stream = await open(sleepy.token);
    clock.advanceSeconds(TEST_CONFIG.sessions.idleSeconds + 1);
    beat();
    expect(await stream.ended()).toBe(HEARTBEAT);
  });

  it('ends open streams when the server stops, so stopping never hangs', async () => {
    const other = await startInProcessServer({ sync: { ticker } });
    try {
      const person = await other.addAccount({ roles: [] });
      const opened = await EventStream.open(other.url, person.token);
      await opened.stream?.next(': connected\n\n');
      await other.close();
      expect(await opened.stream?.ended()).toBe('');
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
