import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src-shared/ids';
import { MAX_PUSH_BODY_BYTES, MAX_PUSH_MUTATIONS, SYNC_PATHS, SYNC_SCHEMA_VERSION } from '../../src-shared/sync/protocol';
import { startTestApi, TEST_CONFIG, type CallOptions, type Reply, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Org } from './support/org';
import { footprint, injected, intents, MADE_AT, SyncClient } from './support/sync';

function expectRefusal(reply: Pick<Reply, 'status' | 'json'>, status: number, code: string, field?: string): void {
  expect([reply.status, reply.json.error?.code], JSON.stringify(reply.json).slice(0, 500)).toEqual([status, code]);
  expect(reply.json.error?.message.length).toBeGreaterThan(10);
  if (field !== undefined) expect(Object.keys(reply.json.error?.fields ?? {})).toContain(field);
}

describe.each(BACKENDS)('bad sync input on %s', { timeout: 60_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  let desk: string;
  const clientId = randomUUID();

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
    desk = await api.signIn(org.people.desk.email, PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const mutation = (id = 1, extra: Record<string, unknown> = {}) => ({ id, name: 'asset.create', args: intents.createAsset(newId(), `LT-BAD-${String(id)}`).args, createdAt: MADE_AT, ...extra });
  // Built when the test runs (the token exists only after beforeAll).
  const push = (body: unknown) => (): CallOptions => ({ token: desk, body });

  async function refusedWithoutWriting(path: string, options: CallOptions, status: number, code: string, field?: string): Promise<void> {
    const before = await footprint(test.db);
    expectRefusal(await api.call('POST', path, options), status, code, field);
    expect(await footprint(test.db)).toBe(before);
  }

  const json = (rawBody: string) => (): CallOptions => ({ token: desk, rawBody, headers: { 'content-type': 'application/json' } });

  it.each([
    ['malformed JSON', json('{"schemaVersion": 1, "clientId": '), undefined],
    ['a JSON array', json('[]'), '_root'],
    ['no clientId', push({ schemaVersion: SYNC_SCHEMA_VERSION, mutations: [] }), 'clientId'],
    ['a clientId that is not a UUID', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId: "x' OR 1=1", mutations: [] }), 'clientId'],
    ['a schemaVersion that is not a number', push({ schemaVersion: '1', clientId, mutations: [] }), 'schemaVersion'],
    ['mutations that are not a list', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: {} }), 'mutations'],
    ['a mutation id of 0', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [mutation(0)] }), 'mutations.0.id'],
    ['a fractional mutation id', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [mutation(1.5)] }), 'mutations.0.id'],
    ['a createdAt that is not a time', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [mutation(1, { createdAt: 'yesterday' })] }), 'mutations.0.createdAt'],
    ['an unknown field in a mutation', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [mutation(1, { admin: true })] }), 'mutations.0.admin'],
    ['no mutator name', push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [mutation(1, { name: '' })] }), 'mutations.0.name'],
    [
      `more than ${String(MAX_PUSH_MUTATIONS)} mutations`,
      push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => mutation(i + 1)) }),
      'mutations',
    ],
  ])('push refuses %s with 400 naming the field, and applies nothing', async (_what, options, field) => {
    await refusedWithoutWriting(SYNC_PATHS.push, options(), 400, 'invalid_input', field);
  });

  it.each([
    ['no cookie field', { schemaVersion: SYNC_SCHEMA_VERSION, clientId }, 'cookie'],
    ['an empty cookie', { schemaVersion: SYNC_SCHEMA_VERSION, clientId, cookie: '' }, 'cookie'],
    ['an unknown field', { schemaVersion: SYNC_SCHEMA_VERSION, clientId, cookie: null, since: 0 }, 'since'],
  ])('pull refuses %s with 400 naming the field', async (_what, body, field) => {
    await refusedWithoutWriting(SYNC_PATHS.pull, { token: desk, body }, 400, 'invalid_input', field);
  });

  it('refuses another schema version with 409 schema_version, before judging a shape it may not know', async () => {
    for (const path of [SYNC_PATHS.push, SYNC_PATHS.pull]) {
      for (const schemaVersion of [SYNC_SCHEMA_VERSION + 1, 0]) {
        const body = { schemaVersion, clientId, mutations: [mutation(1)], cookie: null, aFieldFromTheFuture: { nested: true } };
        await refusedWithoutWriting(path, { token: desk, body }, 409, 'schema_version', 'schemaVersion');
      }
    }
    const newer = SYNC_SCHEMA_VERSION + 1;
    const reply = await api.post(SYNC_PATHS.push, { schemaVersion: newer, clientId, mutations: [] }, desk);
    expect(reply.json.error?.message).toContain(`This server speaks sync schema version ${String(SYNC_SCHEMA_VERSION)}, and this desktop sent version ${String(newer)}.`);
  });

  it('takes a push body up to its own limit, far above the API’s default, and refuses a larger one with 413', async () => {
    const notes = 'n'.repeat(1900);
    const client = new SyncClient(injected(api), desk);
    const big = client.queue(Array.from({ length: 200 }, () => intents.createAsset(newId(), `LT-BIG-${randomUUID().slice(0, 8).toUpperCase()}`, { notes })));
    const bytes = JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, clientId: client.clientId, mutations: big }).length;
    expect(bytes).toBeGreaterThan(TEST_CONFIG.bodyLimitBytes * 10);
    expect((await client.pushRaw(big)).json.value).toMatchObject({ applied: 200, rejected: 0 });

    const padding = 'x'.repeat(MAX_PUSH_BODY_BYTES);
    await refusedWithoutWriting(SYNC_PATHS.push, push({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [], padding })(), 413, 'payload_too_large');
    // Pull bodies are small: the API's default limit applies.
    await refusedWithoutWriting(SYNC_PATHS.pull, { token: desk, body: { schemaVersion: 1, clientId, cookie: 'x'.repeat(TEST_CONFIG.bodyLimitBytes) } }, 413, 'payload_too_large');
  });

  it('refuses expired, revoked and missing tokens with 401, and applies nothing', async () => {
    const token = await api.signIn(org.people.desk.email, PASSWORD);
    const client = new SyncClient(injected(api), token);
    const outbox = client.queue([intents.createAsset(newId(), 'LT-401-1')]);
    expect((await api.post('/api/v1/auth/sign-out', undefined, token)).status).toBe(200);
    const fresh = await api.signIn(org.people.desk.email, PASSWORD);
    const before = await footprint(test.db);
    for (const path of [SYNC_PATHS.push, SYNC_PATHS.pull]) {
      const body = { schemaVersion: SYNC_SCHEMA_VERSION, clientId: client.clientId, mutations: outbox, cookie: null };
      expectRefusal(await api.call('POST', path, { token, body: path === SYNC_PATHS.push ? { ...body, cookie: undefined } : { ...body, mutations: undefined } }), 401, 'unauthorised');
      expectRefusal(await api.call('POST', path, { body }), 401, 'unauthorised');
    }
    api.clock.advanceSeconds(TEST_CONFIG.sessions.absoluteSeconds);
    expectRefusal(await new SyncClient(injected(api), fresh, client.clientId).pushRaw(outbox), 401, 'unauthorised');
    expect(await footprint(test.db)).toBe(before);
    desk = await api.signIn(org.people.desk.email, PASSWORD);
  });

  it('answers any JSON on push and pull with a 2xx or 4xx, never a 5xx', async () => {
    const arbitraryMutation = fc.record({ id: fc.oneof(fc.integer(), fc.double()), name: fc.oneof(fc.string(), fc.constantFrom('asset.create', 'asset.issue', 'person.create')), args: fc.anything(), createdAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(SYNC_PATHS.push, SYNC_PATHS.pull),
        fc.oneof(
          fc.json(),
          fc.record({ schemaVersion: fc.constantFrom(1, 2, '1'), clientId: fc.constantFrom(clientId, 'x', randomUUID()), mutations: fc.array(arbitraryMutation, { maxLength: 5 }), cookie: fc.oneof(fc.constant(null), fc.string(), fc.base64String()) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
        ),
        async (path, body) => {
          const reply = await api.call('POST', path, { token: desk, rawBody: body, headers: { 'content-type': 'application/json' } });
          expect(reply.status, `${path} ${body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
