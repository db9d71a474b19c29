import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src-shared/ids';
import { TEST_CONFIG, startTestApi, type Reply, type TestApi } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { insertPerson, PASSWORD, seedOrg, type Org } from './support/org';

const { idleSeconds, absoluteSeconds } = TEST_CONFIG.sessions;
const code = (reply: Reply) => [reply.status, reply.json.error?.code ?? 'ok'];

describe.each(BACKENDS)('sessions on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  let api: TestApi;
  let org: Org;
  const secrets: string[] = [PASSWORD];

  beforeAll(async () => {
    test = await openTestDatabase(backend);
    api = await startTestApi(test.db);
    org = await seedOrg(test.db);
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await test.close();
  });

  async function signIn(email: string, password = PASSWORD): Promise<string> {
    const token = await api.signIn(email, password);
    secrets.push(token);
    return token;
  }

  it('issues an opaque token of 256 random bits and stores only its SHA-256', async () => {
    const token = await signIn(org.people.alice.email);
    expect(token).toMatch(/^cus_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    const digest = createHash('sha256').update(token).digest('hex');
    const { rows } = await test.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE token_hash = $1', [digest]);
    expect(rows).toHaveLength(1);
    // Nowhere in the database does the token itself appear.
    const { rows: tables } = await test.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    for (const { name } of tables) {
      const { rows: found } = await test.db.query(`SELECT 1 FROM ${name} t WHERE row_to_json(t)::text LIKE $1`, [`%${token.slice(4, 24)}%`]);
      expect([name, found.length]).toEqual([name, 0]);
    }
  });

  it('refuses forged, malformed and missing tokens with 401 and a bearer challenge, never 500', async () => {
    const forged = `cus_${Buffer.alloc(32, 7).toString('base64url')}`;
    for (const authorization of [
      undefined,
      `Bearer ${forged}`,
      'Bearer cus_short',
      'Bearer not-a-token',
      `Basic ${Buffer.from('alice:pw').toString('base64')}`,
      'Bearer',
      `Bearer ${forged} extra`,
      "Bearer ' OR 1=1 --",
    ]) {
      const reply = await api.call('GET', '/api/v1/people', authorization === undefined ? {} : { headers: { authorization } });
      expect(code(reply)).toEqual([401, 'unauthorised']);
      expect(reply.headers['www-authenticate']).toMatch(/^Bearer realm="custodian"/);
    }
  });

  it('ends a session left unused for the idle period, and keeps one in use alive', async () => {
    const token = await signIn(org.people.bob.email);
    api.clock.advanceSeconds(idleSeconds - 1);
    expect((await api.get('/api/v1/me', token)).status).toBe(200);
    api.clock.advanceSeconds(idleSeconds - 1);
    expect((await api.get('/api/v1/me', token)).status).toBe(200);
    api.clock.advanceSeconds(idleSeconds);
    const reply = await api.get('/api/v1/me', token);
    expect(code(reply)).toEqual([401, 'unauthorised']);
    expect(reply.json.error?.message).toMatch(/not used for a while/);
  });

  it('ends every session at the absolute limit however busy it is', async () => {
    const token = await signIn(org.people.carol.email);
    const step = Math.floor(idleSeconds / 2);
    for (let elapsed = step; elapsed < absoluteSeconds; elapsed += step) {
      api.clock.advanceSeconds(step);
      expect((await api.get('/api/v1/me', token)).status).toBe(200);
    }
    api.clock.advanceSeconds(step);
    const reply = await api.get('/api/v1/me', token);
    expect(code(reply)).toEqual([401, 'unauthorised']);
    expect(reply.json.error?.message).toMatch(/expired/);
  });

  it('signs out one session: its token is refused from then on, the person’s other sessions carry on', async () => {
    const first = await signIn(org.people.dave.email);
    const second = await signIn(org.people.dave.email);
    expect(code(await api.post('/api/v1/auth/sign-out', undefined, first))).toEqual([200, 'ok']);
    expect(code(await api.get('/api/v1/me', first))).toEqual([401, 'unauthorised']);
    expect(code(await api.post('/api/v1/auth/sign-out', undefined, first))).toEqual([401, 'unauthorised']);
    expect((await api.get('/api/v1/me', second)).status).toBe(200);
    const { rows } = await test.db.query("SELECT 1 FROM audit_events WHERE action = 'session.sign_out' AND actor_id = $1", [org.people.dave.id]);
    expect(rows).toHaveLength(1);
  });

  it('disabling an account ends all its sessions at once: refused on the very next request, and sign-in refused', async () => {
    const admin = await signIn(org.people.adm.email);
    const phone = await signIn(org.people.mgr.email);
    const laptop = await signIn(org.people.mgr.email);
    expect((await api.get('/api/v1/people', laptop)).status).toBe(200);

    const reply = await api.post(`/api/v1/admin/accounts/${org.people.mgr.id}/disable`, undefined, admin);
    expect(reply.status).toBe(200);
    expect(reply.json.value).toMatchObject({ personId: org.people.mgr.id, sessionsRevoked: 2 });

    // Revoked sessions of a disabled account are still told apart from ended ones: the desktop removes its data.
    for (const token of [phone, laptop]) {
      const refused = await api.get('/api/v1/people', token);
      expect(code(refused)).toEqual([401, 'account_disabled']);
      expect(refused.json.error?.message).toMatch(/disabled/);
    }
    // Sign-in never says which accounts exist or are disabled.
    const signInAgain = await api.post('/api/v1/auth/sign-in', { email: org.people.mgr.email, password: PASSWORD });
    expect(code(signInAgain)).toEqual([401, 'unauthorised']);
    const { rows } = await test.db.query<{ reason: string }>('SELECT revoked_reason AS reason FROM sessions WHERE person_id = $1', [org.people.mgr.id]);
    expect(rows.map((r) => r.reason)).toEqual(['account_disabled', 'account_disabled']);

    expect(code(await api.post(`/api/v1/admin/accounts/${org.people.mgr.id}/disable`, undefined, admin))).toEqual([409, 'conflict']);
    expect(code(await api.post(`/api/v1/admin/accounts/${org.people.adm.id}/disable`, undefined, admin))).toEqual([409, 'conflict']);

    expect(code(await api.post(`/api/v1/admin/accounts/${org.people.mgr.id}/enable`, undefined, admin))).toEqual([200, 'ok']);
    expect(code(await api.get('/api/v1/me', laptop))).toEqual([401, 'unauthorised']);
    await signIn(org.people.mgr.email);
  });

  it('refuses a disabled account even if its sessions were somehow not revoked, and a person who has left', async () => {
    const bob = await signIn(org.people.bob.email);
    const carol = await signIn(org.people.carol.email);
    await test.db.query('UPDATE accounts SET disabled_at = $2 WHERE person_id = $1', [org.people.bob.id, api.clock.now().toISOString()]);
    await test.db.query("UPDATE people SET status = 'left' WHERE id = $1", [org.people.carol.id]);
    expect(code(await api.get('/api/v1/me', bob))).toEqual([401, 'account_disabled']);
    expect(code(await api.get('/api/v1/me', carol))).toEqual([401, 'account_disabled']);
    expect(code(await api.post('/api/v1/auth/sign-in', { email: org.people.carol.email, password: PASSWORD }))).toEqual([401, 'unauthorised']);
    await test.db.query('UPDATE accounts SET disabled_at = NULL WHERE person_id = $1', [org.people.bob.id]);
    await test.db.query("UPDATE people SET status = 'active' WHERE id = $1", [org.people.carol.id]);
  });

  it('tells a disabled account (account_disabled) from a session that merely ended (unauthorised), on any route', async () => {
    const admin = await signIn(org.people.adm.email);
    const ended = await signIn(org.people.dave.email);
    expect(code(await api.post('/api/v1/auth/sign-out', undefined, ended))).toEqual([200, 'ok']);
    const lapsed = await signIn(org.people.dave.email);
    await test.db.query('UPDATE sessions SET expires_at = $2 WHERE token_hash = $1', [createHash('sha256').update(lapsed).digest('hex'), api.clock.now().toISOString()]);
    const live = await signIn(org.people.dave.email);
    for (const [token, expected] of [
      [ended, 'unauthorised'],
      [lapsed, 'unauthorised'],
    ] as const) {
      const refused = await api.get('/api/v1/me', token);
      expect(code(refused)).toEqual([401, expected]);
    }

    expect((await api.post(`/api/v1/admin/accounts/${org.people.dave.id}/disable`, undefined, admin)).status).toBe(200);
    // Every one of the account's tokens now says disabled, also those that had ended before: the account is what matters.
    for (const token of [ended, lapsed, live]) {
      for (const [method, path] of [
        ['GET', '/api/v1/me'],
        ['POST', '/api/v1/sync/pull'],
      ] as const) {
        const refused = method === 'GET' ? await api.get(path, token) : await api.post(path, { schemaVersion: 1, clientId: newId(), cookie: null }, token);
        expect(code(refused)).toEqual([401, 'account_disabled']);
        expect(refused.json.error?.message).toBe('This account has been disabled. Contact an administrator if you think this is wrong.');
        expect(refused.headers['www-authenticate']).toBe('Bearer realm="custodian", error="invalid_token"');
      }
    }

    // Enabled again: the old sessions stay ended, as plain ended sessions; a new sign-in works.
    expect((await api.post(`/api/v1/admin/accounts/${org.people.dave.id}/enable`, undefined, admin)).status).toBe(200);
    expect(code(await api.get('/api/v1/me', live))).toEqual([401, 'unauthorised']);
    expect((await api.get('/api/v1/me', await signIn(org.people.dave.email))).status).toBe(200);
  });

  it('a new account’s one-time password allows nothing but changing it; the change ends other sessions', async () => {
    const admin = await signIn(org.people.adm.email);
    const personId = newId();
    await insertPerson(test.db, { id: personId, name: 'alice', email: 'newstarter@example.gov.uk', lineManagerId: org.people.mgr.id, roles: ['staff'] });
    const created = await api.post('/api/v1/admin/accounts', { personId }, admin);
    expect(created.status).toBe(200);
    const { oneTimePassword } = created.json.value as { oneTimePassword: string };
    secrets.push(oneTimePassword);
    expect(oneTimePassword).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(code(await api.post('/api/v1/admin/accounts', { personId }, admin))).toEqual([409, 'conflict']);

    const signedIn = await api.post('/api/v1/auth/sign-in', { email: 'newstarter@example.gov.uk', password: oneTimePassword, clientId: 'desktop-1' });
    expect(signedIn.json.value).toMatchObject({ mustChangePassword: true, personId });
    const token = (signedIn.json.value as { token: string }).token;
    const other = await signIn('newstarter@example.gov.uk', oneTimePassword);
    secrets.push(token);

    expect(code(await api.get('/api/v1/people', token))).toEqual([403, 'forbidden']);
    expect((await api.get('/api/v1/me', token)).json.value).toMatchObject({ mustChangePassword: true });

    const wrong = await api.post('/api/v1/auth/password', { currentPassword: 'not it', newPassword: 'a long new password' }, token);
    expect(code(wrong)).toEqual([400, 'invalid_input']);
    expect(wrong.json.error?.fields).toHaveProperty('currentPassword');
    const short = await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: 'short' }, token);
    expect(short.json.error?.fields).toHaveProperty('newPassword');
    const same = await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword }, token);
    expect(code(same)).toEqual([400, 'invalid_input']);

    const newPassword = 'my own long passphrase';
    secrets.push(newPassword);
    const changed = await api.post('/api/v1/auth/password', { currentPassword: oneTimePassword, newPassword }, token);
    expect(changed.json.value).toEqual({ passwordChanged: true, otherSessionsRevoked: 1 });
    expect((await api.get('/api/v1/people', token)).status).toBe(200);
    expect(code(await api.get('/api/v1/me', other))).toEqual([401, 'unauthorised']);
    expect(code(await api.post('/api/v1/auth/sign-in', { email: 'newstarter@example.gov.uk', password: oneTimePassword }))).toEqual([401, 'unauthorised']);
    await signIn('newstarter@example.gov.uk', newPassword);

    const { rows } = await test.db.query<{ action: string; client_id: string | null }>(
      'SELECT action, client_id FROM audit_events WHERE actor_id = $1 ORDER BY seq',
      [personId],
    );
    expect(rows.map((r) => r.action)).toEqual(['session.sign_in', 'session.sign_in', 'account.password_change', 'session.sign_in']);
    expect(rows[0]?.client_id).toBe('desktop-1');
  });

  it('stores argon2id password hashes only', async () => {
    const { rows } = await test.db.query<{ hash: string }>('SELECT password_hash AS hash FROM accounts');
    expect(rows.length).toBeGreaterThan(0);
    for (const { hash } of rows) expect(hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('never writes a password, token or email address to the log', () => {
    expect(api.logLines.length).toBeGreaterThan(20);
    const log = api.logLines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/@example\.gov\.uk/);
    expect(log).toContain('"event":"authentication_refused"');
    expect(log).toContain('"event":"sign_in_failed"');
  });
});
