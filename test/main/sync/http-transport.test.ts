import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src-main/sync/engine/http-transport';
import { retryAfterMs } from '../../../src-main/sync/engine/transport-errors';
import { page, TOKEN } from './fakes';

const SERVER = 'https://custodian.example.gov.uk/api-root';
const CLIENT = '0190a0a0-0000-7000-8000-0000000000c1';
const PUSH = { schemaVersion: 1, clientId: CLIENT, mutations: [] };

interface Sent {
  url: string;
  init: RequestInit;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function transportAnswering(answer: (sent: Sent) => Response | Promise<Response>, extra: { timeoutSignal?: (ms: number) => AbortSignal } = {}) {
  const sent: Sent[] = [];
  const transport = createHttpTransport({
    serverUrl: SERVER,
    fetch: (input, init) => {
      const request = { url: input instanceof Request ? input.url : input.toString(), init: init ?? {} };
      sent.push(request);
      return Promise.resolve(answer(request));
    },
    clock: () => new Date('2026-11-23T09:30:00Z'),
    ...extra,
  });
  return { transport, sent };
}

const apiError = (code: string, message: string, fields: Record<string, string> = {}) => ({ ok: false, error: { code, message, fields } });

describe('http transport: requests', () => {
  it('posts the push as JSON with the bearer token to the protocol path under the server address', async () => {
    const { transport, sent } = transportAnswering(() => json(200, { ok: true, value: { lastMutationId: 0, applied: 0, rejected: 0, duplicates: 0 } }));
    const result = await transport.push(TOKEN, PUSH);
    expect(result).toEqual({ ok: true, value: { lastMutationId: 0, applied: 0, rejected: 0, duplicates: 0 } });
    expect(sent[0]?.url).toBe(`${SERVER}/api/v1/sync/push`);
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual(PUSH);
    expect(sent[0]?.init.redirect).toBe('manual');
    expect(sent[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads a pull page with the protocol schema', async () => {
    const body = page({ cookie: 'c2', more: true, progress: { done: 5, total: 10 } });
    const { transport } = transportAnswering(() => json(200, { ok: true, value: body }));
    expect(await transport.pull(TOKEN, { schemaVersion: 1, clientId: CLIENT, cookie: null })).toEqual({ ok: true, value: body });
  });

  it('signs in without a token, and reads who the token belongs to', async () => {
    const personId = '0190a0a0-0000-7000-8000-000000000001';
    const { transport, sent } = transportAnswering(({ url }) =>
      url.endsWith('/sign-in')
        ? json(200, { ok: true, value: { token: TOKEN, sessionId: personId, personId, expiresAt: '2026-11-23T21:30:00.000Z', idleTimeoutSeconds: 1800, mustChangePassword: false } })
        : json(200, { ok: true, value: { person: { id: personId, name: 'Ada Lovelace', email: 'ada@example.gov.uk', roles: ['staff'], staffNumber: 'S1' }, mustChangePassword: false, session: {} } }),
    );
    expect(await transport.signIn({ email: 'ada@example.gov.uk', password: 'pw', clientId: CLIENT })).toEqual({
      ok: true,
      value: { token: TOKEN, personId, mustChangePassword: false },
    });
    expect(sent[0]?.init.headers).not.toHaveProperty('authorization');
    expect(await transport.me(TOKEN)).toEqual({ ok: true, value: { personId, name: 'Ada Lovelace', email: 'ada@example.gov.uk', roles: ['staff'] } });
    expect(sent[1]).toMatchObject({ url: `${SERVER}/api/v1/me`, init: { method: 'GET' } });
  });
});

describe('http transport: every failure is a classified value', () => {
  it.each([
    ['a 500', () => json(500, apiError('internal', 'Something went wrong on the server.')), 'transient', 'internal'],
    ['a 503 with a non-JSON body', () => new Response('<html>down</html>', { status: 503 }), 'transient', 'http_503'],
    ['a 401', () => json(401, apiError('unauthorised', 'Your session has ended')), 'auth', 'unauthorised'],
    ['a 409 schema_version', () => json(409, apiError('schema_version', 'The server speaks version 2')), 'too_old', 'schema_version'],
    ['a 409 mutation_gap', () => json(409, apiError('mutation_gap', 'Push again from 4')), 'permanent', 'mutation_gap'],
    ['a 403 client_mismatch', () => json(403, apiError('client_mismatch', 'Bound to another account')), 'permanent', 'client_mismatch'],
    ['a 400', () => json(400, apiError('invalid_input', 'The request has a problem', { clientId: 'must be a UUID' })), 'permanent', 'invalid_input'],
    ['a 404 from something else', () => new Response('Not Found', { status: 404 }), 'permanent', 'http_404'],
    ['a 302 redirect', () => new Response(null, { status: 302, headers: { location: 'http://elsewhere/' } }), 'permanent', 'bad_reply'],
    ['a 200 that is not JSON (a captive portal)', () => new Response('<html>Sign in to the Wi-Fi</html>', { status: 200 }), 'transient', 'bad_reply'],
    ['a 200 of the wrong shape', () => json(200, { ok: true, value: { lastMutationId: 'seven' } }), 'permanent', 'bad_reply'],
  ])('%s', async (_name, answer, kind, code) => {
    const { transport } = transportAnswering(answer);
    const result = await transport.push(TOKEN, PUSH);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind, code });
    expect(result.error.message.length).toBeGreaterThan(10);
  });

  it("keeps the server's message and field errors", async () => {
    const { transport } = transportAnswering(() => json(400, apiError('invalid_input', 'Enter a valid email', { email: 'Enter an email address' })));
    const result = await transport.signIn({ email: 'x', password: 'y', clientId: CLIENT });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'permanent', code: 'invalid_input', message: 'Enter a valid email', status: 400, retryAfterMs: null, fields: { email: 'Enter an email address' } },
    });
  });

  it('a 429 is transient and carries Retry-After', async () => {
    const { transport } = transportAnswering(() => json(429, apiError('rate_limited', 'Too many attempts'), { 'retry-after': '7' }));
    const result = await transport.push(TOKEN, PUSH);
    expect(!result.ok && result.error).toMatchObject({ kind: 'transient', code: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('a network failure is transient, naming the server', async () => {
    const { transport } = transportAnswering(() => Promise.reject(new TypeError('fetch failed')));
    const result = await transport.push(TOKEN, PUSH);
    expect(!result.ok && result.error).toMatchObject({ kind: 'transient', code: 'network', status: null });
    expect(!result.ok && result.error.message).toContain(SERVER);
  });

  it('a request that outlives its timeout is transient (timeout), without waiting for real time', async () => {
    const timeout = new AbortController();
    const { transport } = transportAnswering(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            reject(new DOMException('The operation timed out.', 'TimeoutError'));
          });
          timeout.abort();
        }),
      { timeoutSignal: () => timeout.signal },
    );
    const result = await transport.pull(TOKEN, { schemaVersion: 1, clientId: CLIENT, cookie: null });
    expect(!result.ok && result.error).toMatchObject({ kind: 'transient', code: 'timeout' });
  });

  it('a caller’s abort (the app stopping) ends the request', async () => {
    const stop = new AbortController();
    const { transport } = transportAnswering(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
          stop.abort();
        }),
    );
    const result = await transport.push(TOKEN, PUSH, stop.signal);
    expect(!result.ok && result.error).toMatchObject({ kind: 'transient', code: 'network' });
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-11-23T09:30:00Z');
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:31:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
