import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_CONFIG } from '../../src-server/config/server-config';
import { CENTRAL_MIGRATIONS } from '../../src-server/db/central-migrations';
import { createApi, registeredRoutes } from '../../src-server/http/app';
import { createLogger } from '../../src-server/log/logger';
import { newId } from '../../src-shared/ids';
import { startTestApi, TEST_CONFIG, type TestApi } from './support/api';
import { TestClock } from './support/clock';
import { openTestDatabase, type TestDatabase } from './support/databases';
import { connectionLost, faultyDatabase } from './support/faulty-database';
import { contractFor, type Contract } from './support/openapi-contract';
import { insertPerson, PASSWORD, seedOrg, type Org } from './support/org';
import { injected, intents, SyncClient } from './support/sync';

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; summary: string; security: unknown[]; responses: Record<string, unknown> }>>;
};

describe('the OpenAPI document', { timeout: 30_000 }, () => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  let document: Document;

  beforeAll(async () => {
    test = await openTestDatabase('pglite');
    api = await startTestApi(test.db, { ...TEST_CONFIG, signInLimits: { ...TEST_CONFIG.signInLimits, perAccount: { maxFailures: 1, windowSeconds: 60 } } });
    org = await seedOrg(test.db);
    document = (await api.get('/openapi.json')).json as unknown as Document;
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })));

  it('is OpenAPI 3.1 and lists exactly the routes the server registered', () => {
    expect(document.openapi).toBe('3.1.0');
    const registered = registeredRoutes(api.app)
      .map((route) => `${route.method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
      .sort();
    expect(operations().map((op) => `${op.method} ${op.path}`).sort()).toEqual(registered);
    expect(registered.length).toBeGreaterThanOrEqual(15);
  });

  it('names every operation once, and says which need a bearer token', () => {
    const ids = operations().map((op) => op.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, operation } of operations()) {
      expect(operation.summary.length).toBeGreaterThan(5);
      expect(operation.responses).toHaveProperty('200');
      const isPublic = ['/healthz', '/readyz', '/openapi.json', '/api/v1/auth/sign-in'].includes(path);
      expect([path, operation.security]).toEqual([path, isPublic ? [] : [{ bearerAuth: [] }]]);
      if (!isPublic) expect(operation.responses).toHaveProperty('401');
    }
  });

  it('describes every response every route gives: each route exercised for success and its errors', async () => {
    // startTestApi checks each response against this document as it arrives; here every route is made to answer.
    const admin = await api.signIn(org.people.adm.email, PASSWORD);
    const staff = await api.signIn(org.people.alice.email, PASSWORD);
    const newcomer = newId();
    await insertPerson(test.db, { id: newcomer, name: 'bob', email: 'newcomer@example.gov.uk', lineManagerId: null, roles: ['staff'] });

    await api.get('/healthz');
    await api.get('/readyz');
    await api.get('/openapi.json');
    await api.get('/api/v1/me', staff);
    await api.get('/api/v1/people?limit=2', admin);
    await api.get(`/api/v1/people/${org.people.alice.id}`, staff);
    await api.get(`/api/v1/people/${org.people.dave.id}`, staff);
    await api.get('/api/v1/assets?status=issued', admin);
    await api.get('/api/v1/assets?limit=x', admin);
    await api.get(`/api/v1/assets/${org.handedDownAssetId}`, staff);
    await api.get(`/api/v1/assets/${org.handedDownAssetId}/events`, staff);
    await api.get(`/api/v1/assets/${newId()}/events`, staff);
    await api.get(`/api/v1/assets/${newId()}`, staff);
    await api.get('/api/v1/people');
    await api.post('/api/v1/admin/accounts', { personId: newcomer }, staff);
    const created = await api.post('/api/v1/admin/accounts', { personId: newcomer }, admin);
    await api.post('/api/v1/admin/accounts', { personId: newcomer }, admin);
    await api.post('/api/v1/admin/accounts', { personId: newId() }, admin);
    await api.post(`/api/v1/admin/accounts/${org.people.dave.id}/disable`, undefined, admin);
    await api.post(`/api/v1/admin/accounts/${org.people.dave.id}/disable`, undefined, admin);
    await api.post(`/api/v1/admin/accounts/${org.people.dave.id}/enable`, undefined, admin);
    await api.post(`/api/v1/admin/accounts/${newId()}/enable`, undefined, admin);
    const oneTimePassword = (created.json.value as { oneTimePassword: string }).oneTimePassword;
    const first = await api.signIn('newcomer@example.gov.uk', oneTimePassword);
    await api.get('/api/v1/people', first);
    await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: 'short' }, first);
    await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: 'a good long password' }, first);
    await api.post('/api/v1/auth/sign-in', { email: org.people.bob.email, password: 'wrong' });
    await api.post('/api/v1/auth/sign-in', { email: org.people.bob.email, password: 'wrong' });
    await api.call('POST', '/api/v1/auth/sign-in', { body: { email: 'x@example.gov.uk', password: 'y'.repeat(TEST_CONFIG.bodyLimitBytes) } });
    // Sync: push, pull and the poke stream, with their own refusals.
    const desk = await api.signIn(org.people.desk.email, PASSWORD);
    const syncing = new SyncClient(injected(api), desk);
    await syncing.push([intents.createAsset(newId(), 'LT-DOC-1')]);
    await syncing.pullPage();
    await syncing.pullRaw('not-a-cookie');
    await syncing.pushRaw(syncing.queue([intents.createAsset(newId(), 'LT-DOC-2')]).map((m) => ({ ...m, id: m.id + 5 })));
    await new SyncClient(injected(api), staff, syncing.clientId).pullRaw(null);
    await api.post('/api/v1/sync/pull', { schemaVersion: 999, clientId: syncing.clientId, cookie: null }, desk);
    await api.call('POST', '/api/v1/sync/push', { token: desk, body: { schemaVersion: 1, clientId: syncing.clientId, mutations: [], padding: 'x'.repeat(9 * 1024 * 1024) } });
    const poke = await api.stream('/api/v1/sync/poke', desk);
    if ('stream' in poke) poke.stream.destroy();
    await api.stream('/api/v1/sync/poke');

    await api.post('/api/v1/auth/sign-out', undefined, staff);
    await api.get('/api/v1/no-such-thing', admin);

    const contract = await contractFor(api.app);
    const seen = api.contractSeen;
    for (const op of contract.operations) expect(seen, `${op.method} ${op.template} never answered 200`).toContain(`${op.method} ${op.template} 200`);
    const statuses = new Set([...seen].map((entry) => entry.split(' ')[2]));
    for (const status of ['400', '401', '403', '404', '409', '413', '429']) expect(statuses).toContain(status);
  });

  it('describes database failures too: 503 with Retry-After when the database is unreachable, 500 for a fault, nothing leaked', async () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    const clock = new TestClock();
    for (const [fault, status] of [
      [connectionLost, 503],
      [() => new Error('secret internal detail about alice@example.gov.uk'), 500],
    ] as const) {
      const app = createApi({ db: faultyDatabase(fault), clock: clock.now, config: DEFAULT_SERVER_CONFIG, migrations: CENTRAL_MIGRATIONS, version: 't' }, logger);
      const contract: Contract = await contractFor(app);
      for (const [method, url, payload] of [
        ['GET', '/readyz', undefined],
        ['GET', '/api/v1/people', undefined],
        ['POST', '/api/v1/auth/sign-in', { email: 'a@example.gov.uk', password: 'x' }],
      ] as const) {
        const response = await app.inject({ method, url, headers: { authorization: `Bearer cus_${'A'.repeat(43)}` }, ...(payload ? { payload } : {}) });
        expect([url, response.statusCode]).toEqual([url, status]);
        contract.check(method, url, response.statusCode, response.json());
        expect(response.body).not.toContain('secret internal detail');
        if (status === 503) expect(response.headers['retry-after']).toBe('5');
      }
      await app.close();
    }
    expect(lines.join('\n')).not.toContain('alice@example.gov.uk');
  });
});
