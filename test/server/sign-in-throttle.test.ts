import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../src-server/db/central-migrations';
import { createApi } from '../../src-server/http/app';
import { TEST_CONFIG, startTestApi, silentLogger, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { PASSWORD, seedOrg, type Org } from './support/org';

// Trusting X-Forwarded-For lets the tests speak from several addresses; production trusts it only behind a proxy.
const config = {
  ...TEST_CONFIG,
  trustProxy: true,
  signInLimits: { perAccount: { maxFailures: 3, windowSeconds: 600 }, perAddress: { maxFailures: 6, windowSeconds: 300 } },
};

describe.each(BACKENDS)('sign-in throttling on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db, config);
    org = await seedOrg(test.db);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  const WRONG = 'Tr0ub4dor&3';
  const GUESS = 'letmein-2026';
  const attempt = (email: string, password: string, address = '192.0.2.1') =>
    api.call('POST', '/api/v1/auth/sign-in', { body: { email, password }, headers: { 'x-forwarded-for': address } });

  it('refuses an account with 429 and Retry-After after repeated failures, even with the right password, until the window ends', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt(org.people.alice.email, WRONG)).status).toBe(401);
    const blocked = await attempt(org.people.alice.email, PASSWORD);
    expect([blocked.status, blocked.json.error?.code]).toEqual([429, 'rate_limited']);
    expect(blocked.headers['retry-after']).toBe('600');
    api.clock.advanceSeconds(599);
    expect((await attempt(org.people.alice.email, PASSWORD)).headers['retry-after']).toBe('1');
    api.clock.advanceSeconds(1);
    expect((await attempt(org.people.alice.email, PASSWORD)).status).toBe(200);
  });

  it('counts failures for unknown accounts too, so probing for accounts is throttled the same way', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt('nobody@example.gov.uk', GUESS)).status).toBe(401);
    expect((await attempt('nobody@example.gov.uk', GUESS)).status).toBe(429);
    api.clock.advanceSeconds(600);
  });

  it('a successful sign-in clears the account’s count', async () => {
    for (let i = 0; i < 2; i += 1) await attempt(org.people.bob.email, WRONG);
    expect((await attempt(org.people.bob.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) await attempt(org.people.bob.email, WRONG);
    expect((await attempt(org.people.bob.email, PASSWORD)).status).toBe(200);
    api.clock.advanceSeconds(600);
  });

  it('throttles one address trying many accounts', async () => {
    const names = ['boss', 'mgr', 'carol', 'dave', 'desk', 'sec'] as const;
    for (const name of names) expect((await attempt(org.people[name].email, WRONG, '198.51.100.7')).status).toBe(401);
    expect((await attempt(org.people.adm.email, PASSWORD, '198.51.100.7')).status).toBe(429);
    expect((await attempt(org.people.adm.email, PASSWORD, '198.51.100.8')).status).toBe(200);
    api.clock.advanceSeconds(600);
  });

  it('is shared by every API instance on the database: spreading guesses across instances does not help', async () => {
    // A second API instance with the same settings on the same database, as behind a load balancer.
    const second = createApi({ db: test.db, clock: api.clock.now, config, migrations: CENTRAL_MIGRATIONS, version: 'test' }, silentLogger);
    try {
      const email = org.people.carol.email;
      await attempt(email, WRONG);
      const viaSecond = { 'x-forwarded-for': '192.0.2.1' };
      await second.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: WRONG }, headers: viaSecond });
      await attempt(email, WRONG);
      const fromSecond = await second.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: PASSWORD }, headers: viaSecond });
      expect(fromSecond.statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('logs failures and throttling with ids only', () => {
    const lines = api.logLines.filter((line) => line.includes('sign_in_failed') || line.includes('sign_in_throttled'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).not.toMatch(/@|Tr0ub4dor|letmein|192\.0\.2|198\.51/);
      expect(line).not.toContain(PASSWORD);
    }
    expect(lines.some((line) => line.includes(`"personId":"${org.people.alice.id}"`))).toBe(true);
  });
});
