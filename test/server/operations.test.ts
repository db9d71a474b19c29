import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../src-server/db/central-migrations';
import { createApi } from '../../src-server/http/app';
import { API_SECURITY_HEADERS } from '../../src-server/http/security-headers';
import { silentLogger, startTestApi, TEST_CONFIG, type TestApi } from './support/api';
import { openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Org } from './support/org';

describe('health, readiness, request ids and logs', { timeout: 30_000 }, () => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  it('answers /healthz and /readyz while the database is current', async () => {
    expect((await api.get('/healthz')).json).toEqual({ ok: true, value: { status: 'up' } });
    expect((await api.get('/readyz')).json).toEqual({ ok: true, value: { database: 'reachable', schemaVersion: CENTRAL_MIGRATIONS.length } });
  });

  it('is not ready while the database schema differs from the one this build expects', async () => {
    const newerBuild = createApi(
      { db: test.db, clock: api.clock.now, config: TEST_CONFIG, migrations: [...CENTRAL_MIGRATIONS, { version: CENTRAL_MIGRATIONS.length + 1 }], version: 't' },
      silentLogger,
    );
    const reply = await newerBuild.inject({ method: 'GET', url: '/readyz' });
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect((await newerBuild.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await newerBuild.close();
  });

  it('gives every response a request id, found on that request’s log lines; a caller’s own well-formed id is kept', async () => {
    const reply = await api.get('/healthz');
    const id = String(reply.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.logLines.some((line) => line.includes(`"reqId":"${id}"`) && line.includes('"event":"request"'))).toBe(true);
    expect((await api.call('GET', '/healthz', { headers: { 'x-request-id': 'lb-7f3a9c21' } })).headers['x-request-id']).toBe('lb-7f3a9c21');
    const odd = await api.call('GET', '/healthz', { headers: { 'x-request-id': 'alice@example.gov.uk' } });
    expect(odd.headers['x-request-id']).not.toContain('@');
  });

  it('sends security headers on every response, errors included', async () => {
    for (const reply of [await api.get('/healthz'), await api.get('/api/v1/people'), await api.get('/nowhere')]) {
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) expect(reply.headers[name.toLowerCase()]).toBe(value);
    }
  });

  it('logs one structured line per request with the route pattern, never the query string or its values', async () => {
    const token = await api.signIn(org.people.desk.email, PASSWORD);
    const before = api.logLines.length;
    await api.get(`/api/v1/people?email=${encodeURIComponent(org.people.alice.email)}`, token);
    const lines = api.logLines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'request', method: 'GET', route: '/api/v1/people', statusCode: 200 }));
    for (const line of lines) {
      expect(line).toHaveProperty('time');
      expect(line).toHaveProperty('reqId');
    }
    expect(api.logLines.join('\n')).not.toContain('alice@');
    expect(api.logLines.join('\n')).not.toContain(token);
  });
});
