import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src-server/db/database';
import { startTestApi, TEST_CONFIG, type CallOptions, type Reply, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Org } from './support/org';

/** Row counts of every table plus the audit head: equal before and after means nothing was written. */
async function footprint(db: Queryable): Promise<string> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const counts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
    counts.push(`${name}=${String(rows[0]?.n)}`);
  }
  const { rows: sessions } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NOT NULL');
  const { rows: accounts } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE disabled_at IS NOT NULL');
  const { rows: head } = await db.query<{ hash: string }>('SELECT hash FROM audit_head');
  return [...counts, `revoked=${String(sessions[0]?.n)}`, `disabled=${String(accounts[0]?.n)}`, `head=${head[0]?.hash ?? ''}`].join(' ');
}

function expectClearRefusal(reply: Reply, status: number, field?: string): void {
  expect(reply.status, reply.body).toBe(status);
  expect(reply.json.ok).toBe(false);
  expect(reply.json.error?.code).toMatch(/^[a-z_]+$/);
  expect(reply.json.error?.message.length).toBeGreaterThan(5);
  if (field !== undefined) expect(Object.keys(reply.json.error?.fields ?? {})).toContain(field);
}

describe.each(BACKENDS)('bad input on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
    admin = await api.signIn(org.people.adm.email, PASSWORD);
    staff = await api.signIn(org.people.alice.email, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  async function refusedWithoutWriting(method: 'GET' | 'POST' | 'DELETE', url: string, options: CallOptions, status: number, field?: string): Promise<void> {
    const before = await footprint(test.db);
    const reply = await api.call(method, url, options);
    expectClearRefusal(reply, status, field);
    expect(await footprint(test.db)).toBe(before);
  }

  const signIn = '/api/v1/auth/sign-in';
  const json = (rawBody: string, extra: Record<string, string> = {}): CallOptions => ({ rawBody, headers: { 'content-type': 'application/json', ...extra } });

  it.each([
    ['malformed JSON', json('{"email": "alice@example.gov.uk", "password": '), undefined],
    ['not JSON at all', json('email=alice&password=x'), undefined],
    ['a JSON array', json('[]'), '_root'],
    ['a JSON string', json('"hello"'), '_root'],
    ['JSON null', json('null'), '_root'],
    ['an empty body declared as JSON', json(''), undefined],
    ['a body in another media type', { rawBody: '<xml/>', headers: { 'content-type': 'application/xml' } }, undefined],
    ['plain text', { rawBody: 'email=alice', headers: { 'content-type': 'text/plain' } }, undefined],
    ['no body at all', {}, '_root'],
    ['an unknown field', { body: { email: 'alice@example.gov.uk', password: 'x', admin: true } }, 'admin'],
    ['wrong types', { body: { email: 42, password: ['x'] } }, 'email'],
    ['a missing field', { body: { email: 'alice@example.gov.uk' } }, 'password'],
    ['a prototype-polluting key', json('{"email":"a@example.gov.uk","password":"x","__proto__":{"admin":true}}'), undefined],
    ['a constructor-polluting key', json('{"email":"a@example.gov.uk","password":"x","constructor":{"prototype":{"admin":true}}}'), undefined],
    ['SQL in the email', { body: { email: "' OR '1'='1' --", password: 'x' } }, 'email'],
    ['a NUL byte in the email', { body: { email: 'alice\u0000@example.gov.uk', password: 'x' } }, 'email'],
    ['an over-long password', { body: { email: 'alice@example.gov.uk', password: 'x'.repeat(257) } }, 'password'],
    ['an over-long email', { body: { email: `${'a'.repeat(250)}@example.gov.uk`, password: 'x' } }, 'email'],
    ['deeply nested JSON', json(`${'['.repeat(4000)}${']'.repeat(4000)}`), undefined],
  ])('sign-in refuses %s with 400 and writes nothing', async (_what, options, field) => {
    await refusedWithoutWriting('POST', signIn, options, 400, field);
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    await refusedWithoutWriting('POST', signIn, { body: { email: 'alice@example.gov.uk', password: 'x'.repeat(TEST_CONFIG.bodyLimitBytes) } }, 413);
  });

  it('treats SQL in a well-formed password as a wrong password (only the failure counter moves)', async () => {
    const reply = await api.post(signIn, { email: org.people.bob.email, password: "x'); DROP TABLE people; --" });
    expectClearRefusal(reply, 401);
    const { rows } = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
    expect(rows[0]?.n).toBe(9);
  });

  it.each([
    ['/api/v1/people?limit=100000', 'limit'],
    ['/api/v1/people?limit=0', 'limit'],
    ['/api/v1/people?limit=-1', 'limit'],
    ['/api/v1/people?limit=1.5', 'limit'],
    ['/api/v1/people?limit=1e3', 'limit'],
    ['/api/v1/people?limit=ten', 'limit'],
    ['/api/v1/people?limit=1&limit=2', 'limit'],
    ['/api/v1/people?after=not-a-cursor', 'after'],
    ['/api/v1/people?status=retired', 'status'],
    ['/api/v1/people?role=superuser', 'role'],
    ["/api/v1/people?staffNumber=x';DROP%20TABLE%20people;--", 'staffNumber'],
    ["/api/v1/people?email=%27%20OR%201%3D1--", 'email'],
    ['/api/v1/people?lineManagerId=1%20OR%201=1', 'lineManagerId'],
    ['/api/v1/people?sort=name', 'sort'],
    ['/api/v1/people?limit[]=5', 'limit[]'],
    ['/api/v1/assets?type=spaceship', 'type'],
    ["/api/v1/assets?assetTag=LT-1'%20OR%20'1'='1", 'assetTag'],
    ['/api/v1/assets?holderId=%00', 'holderId'],
    ['/api/v1/people/not-a-uuid', 'personId'],
    ["/api/v1/people/'%20OR%201=1--", 'personId'],
    ['/api/v1/assets/00000000-0000-0000-0000-00000000000g/events', 'assetId'],
    ['/api/v1/me?debug=1', 'debug'],
  ])('GET %s is refused with 400 naming %s', async (url, field) => {
    await refusedWithoutWriting('GET', url, { token: staff }, 400, field);
  });

  it('answers a well-formed but SQL-looking filter with an empty page, not an error', async () => {
    const reply = await api.get('/api/v1/people?staffNumber=DROP-TABLE-PEOPLE', admin);
    expect(reply.status).toBe(200);
    expect(reply.json.value).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a body on an endpoint that takes none, unknown endpoints and methods', async () => {
    await refusedWithoutWriting('POST', `/api/v1/admin/accounts/${org.people.dave.id}/disable`, { token: admin, body: { reason: 'x' } }, 400);
    await refusedWithoutWriting('GET', '/api/v1/people/../../etc/passwd', { token: admin }, 404);
    await refusedWithoutWriting('DELETE', '/api/v1/people', { token: admin }, 404);
    await refusedWithoutWriting('GET', `/api/v1/people/${'a'.repeat(5000)}`, { token: admin }, 400);
    await refusedWithoutWriting('GET', '/api/v1/people/%E0%A4%A', { token: admin }, 400);
    await refusedWithoutWriting('POST', '/api/v1/admin/accounts', { token: admin, body: { personId: org.people.dave.id, password: 'chosen' } }, 400, 'password');
  });

  it('survives any JSON body on every write endpoint and any query on every read endpoint: always a 4xx or 2xx, never a 500', async () => {
    const posts = ['/api/v1/auth/sign-in', '/api/v1/auth/password', '/api/v1/admin/accounts', `/api/v1/admin/accounts/${org.people.dave.id}/enable`];
    const gets = ['/api/v1/people', '/api/v1/assets', `/api/v1/assets/${org.handedDownAssetId}/events`, '/readyz'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...posts),
        fc.oneof(fc.json(), fc.string(), fc.object().map((value) => JSON.stringify(value))),
        fc.constantFrom(...gets),
        fc.dictionary(fc.constantFrom('limit', 'after', 'status', 'role', 'type', 'holderId', 'email', 'staffNumber', 'assetTag', 'x'), fc.string()),
        async (post, body, get, query) => {
          const written = await api.call('POST', post, { token: admin, rawBody: body, headers: { 'content-type': 'application/json' } });
          expect(written.status, `${post} ${body}`).toBeLessThan(500);
          const read = await api.get(`${get}?${new URLSearchParams(query).toString()}`, admin);
          expect(read.status, `${get} ${JSON.stringify(query)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
