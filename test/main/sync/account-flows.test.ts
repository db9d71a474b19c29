import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSerialGate } from '../../../src-main/bridge/serial-gate';
import { signIn, signOut, type AccountDeps } from '../../../src-main/sync/engine/account-flows';
import { writeRecoveryFile, type RecoveryContents } from '../../../src-main/sync/engine/recovery-file';
import { createSyncEngine } from '../../../src-main/sync/engine/sync-engine';
import { createMemoryVault } from '../../../src-main/sync/engine/token-vault';
import { syncSignInInput } from '../../../src-shared/api/sync-handlers';
import { tempDir } from '../../support/store';
import { ACCOUNT, FakePokes, FakeServer, FakeStore, FakeTimers, mutation, PASSWORD, TOKEN, transportError } from './fakes';

const NOW = new Date('2026-11-23T09:30:00.000Z');

function setup() {
  const dataDir = tempDir();
  const store = new FakeStore();
  const server = new FakeServer();
  const vault = createMemoryVault();
  const exclusive = createSerialGate();
  const writeRecovery = (contents: RecoveryContents) => writeRecoveryFile(dataDir, contents, NOW);
  const engine = createSyncEngine({
    store,
    exclusive,
    vault,
    transportFor: (url) => server.transport(url),
    pokesFor: () => new FakePokes(),
    timers: new FakeTimers(),
    random: () => 0.5,
    log: { info: vi.fn(), error: vi.fn() },
    writeRecovery,
  });
  const deps: AccountDeps = {
    store,
    exclusive,
    vault,
    engine,
    transportFor: (url) => server.transport(url),
    writeRecovery,
  };
  const recoveryFiles = () => {
    try {
      return readdirSync(join(dataDir, 'recovery'));
    } catch {
      return [];
    }
  };
  return { dataDir, store, server, vault, engine, deps, recoveryFiles };
}

const form = (overrides: Record<string, string> = {}) =>
  syncSignInInput.parse({ serverUrl: `${ACCOUNT.serverUrl}/`, email: ACCOUNT.email, password: PASSWORD, newPassword: '', ...overrides });

describe('sign in', () => {
  it('a refused password reaches the form on the password field, and changes nothing on this computer', async () => {
    const { store, vault, engine, deps, recoveryFiles } = setup();
    store.outbox = [mutation(1)];
    store.records.set('people/p1', {});
    await engine.start();
    const result = await signIn(deps, form({ password: 'wrong' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorised', fields: { password: expect.stringMatching(/password is not right/) as string } } });
    expect(store.outbox).toHaveLength(1);
    expect(store.records.size).toBe(1);
    expect(store.account).toBeNull();
    expect(vault.load()).toBeNull();
    expect(recoveryFiles()).toEqual([]);
  });

  it.each([
    ['the server cannot be reached', transportError({}), 'serverUrl', /cannot reach/],
    ['the address is not a Custodian server', transportError({ kind: 'permanent', code: 'http_404', status: 404, message: 'The server refused the request (HTTP 404).' }), 'serverUrl', /no Custodian server at this address/],
    [
      'sign-in is throttled',
      transportError({ code: 'rate_limited', status: 429, retryAfterMs: 150_000, message: 'Too many failed sign-in attempts. Wait before trying again.' }),
      'password',
      /Try again in 3 minutes/,
    ],
    ['the server says the email is malformed', transportError({ kind: 'permanent', code: 'invalid_input', status: 400, fields: { email: 'Enter an email address' } }), 'email', /Enter an email/],
  ])('when %s, the form says so on the right field', async (_why, error, field, message) => {
    const { server, deps, engine } = setup();
    await engine.start();
    server.onSignIn = () => ({ ok: false, error });
    const result = await signIn(deps, form());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields[field]).toMatch(message);
  });

  it('binds an empty store and starts the first sync, keeping the token', async () => {
    const { store, server, vault, engine, deps, recoveryFiles } = setup();
    await engine.start();
    const result = await signIn(deps, form());
    expect(result).toEqual({ ok: true, value: { account: ACCOUNT, recoveryFile: null, clearedLocalData: false, tokenPersistence: 'memory' } });
    expect(server.signIns[0]).toEqual({ email: ACCOUNT.email, password: PASSWORD, clientId: store.client });
    expect(store.account).toEqual(ACCOUNT);
    expect(vault.load()).toBe(TOKEN);
    await engine.idle();
    expect(server.calls).toEqual([`sign-in ${ACCOUNT.email}`, 'me', 'pull null']);
    expect(engine.status()).toMatchObject({ state: 'synced', account: ACCOUNT });
    expect(engine.actorId()).toBe(ACCOUNT.personId);
    expect(recoveryFiles()).toEqual([]);
  });

  it('exports changes made before sign-in to a recovery file, then clears the store before the first sync', async () => {
    const { store, server, engine, deps, recoveryFiles, dataDir } = setup();
    store.outbox = [mutation(1), mutation(2, 'person.create', { name: 'Local Only' })];
    store.records.set('people/local', { name: 'Local Only' });
    await engine.start();
    const result = await signIn(deps, form());
    expect(result.ok && result.value).toMatchObject({ clearedLocalData: true, recoveryFile: join(dataDir, 'recovery', 'custodian-unsent-changes-2026-11-23T09-30-00Z.json') });
    expect(recoveryFiles()).toEqual(['custodian-unsent-changes-2026-11-23T09-30-00Z.json']);
    const saved = JSON.parse(readFileSync(join(dataDir, 'recovery', recoveryFiles()[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      kind: 'custodian-unsent-changes',
      reason: 'sign_in',
      account: null,
      clientId: '0190a0a0-0000-7000-8000-0000000000c1',
      outbox: { mutations: [{ id: 1 }, { id: 2, args: { name: 'Local Only' } }] },
    });
    expect(store.records.size).toBe(0);
    await engine.idle();
    expect(server.pushes).toEqual([]); // the exported changes are not sent as this account
  });

  it('signing in again as the same account after the sign-in ended keeps everything and sends what waited', async () => {
    const { store, server, engine, deps, recoveryFiles } = setup();
    store.account = ACCOUNT;
    store.outbox = [mutation(1)];
    store.records.set('people/p1', {});
    await engine.start();
    expect(engine.status().state).toBe('signed_out');
    const result = await signIn(deps, form());
    expect(result.ok && result.value).toMatchObject({ clearedLocalData: false, recoveryFile: null });
    await engine.idle();
    expect(server.calls.slice(2)).toEqual(['push 1', 'pull null']);
    expect(store.records.has('people/p1')).toBe(true);
    expect(recoveryFiles()).toEqual([]);
  });

  it("another account's unsent changes go to a recovery file and their records are removed", async () => {
    const { store, engine, deps, recoveryFiles, dataDir } = setup();
    store.account = { ...ACCOUNT, personId: '0190a0a0-0000-7000-8000-000000000009', email: 'previous@example.gov.uk' };
    store.outbox = [mutation(1)];
    await engine.start();
    const result = await signIn(deps, form());
    expect(result.ok && result.value.clearedLocalData).toBe(true);
    const saved = JSON.parse(readFileSync(join(dataDir, 'recovery', recoveryFiles()[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(saved.account).toEqual({ serverUrl: ACCOUNT.serverUrl, email: 'previous@example.gov.uk' });
  });

  it('another account signing in on an empty store still gets a new client id: the old one is bound to the previous account', async () => {
    const { store, server, engine, deps, recoveryFiles } = setup();
    store.account = { ...ACCOUNT, personId: '0190a0a0-0000-7000-8000-000000000009', email: 'previous@example.gov.uk' };
    const previousClient = store.client;
    await engine.start();
    const result = await signIn(deps, form());
    expect(result.ok && result.value).toMatchObject({ clearedLocalData: false, recoveryFile: null });
    expect(store.client).not.toBe(previousClient);
    expect(store.account).toEqual(ACCOUNT);
    await engine.idle();
    expect(server.pulls.map((pull) => pull.clientId)).toEqual([store.client]);
    expect(recoveryFiles()).toEqual([]);
  });

  it('the same account signing in again on an empty store keeps its client id', async () => {
    const { store, engine, deps } = setup();
    store.account = ACCOUNT;
    const client = store.client;
    await engine.start();
    expect((await signIn(deps, form())).ok).toBe(true);
    expect(store.client).toBe(client);
  });

  it('refuses while already signed in', async () => {
    const { store, vault, engine, deps } = setup();
    store.account = ACCOUNT;
    vault.save(TOKEN);
    await engine.start();
    await engine.idle();
    expect(await signIn(deps, form())).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a one-time password: asks for a new one first (ending that session), then changes it and signs in', async () => {
    const { store, server, engine, deps } = setup();
    await engine.start();
    server.onSignIn = () => ({ ok: true, value: { token: TOKEN, personId: ACCOUNT.personId, mustChangePassword: true } });
    const asked = await signIn(deps, form());
    expect(asked).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { newPassword: expect.stringMatching(/one-time password/) as string } } });
    expect(server.signOuts).toEqual([TOKEN]);
    expect(store.account).toBeNull();

    const changed = vi.fn(server.onChangePassword);
    server.onChangePassword = changed;
    const done = await signIn(deps, form({ newPassword: 'a long and private passphrase' }));
    expect(done.ok).toBe(true);
    expect(changed).toHaveBeenCalledWith({ currentPassword: PASSWORD, newPassword: 'a long and private passphrase' });
  });

  it("a refused new password is shown on the form's fields", async () => {
    const { server, engine, deps } = setup();
    await engine.start();
    server.onSignIn = () => ({ ok: true, value: { token: TOKEN, personId: ACCOUNT.personId, mustChangePassword: true } });
    server.onChangePassword = () => ({
      ok: false,
      error: transportError({ kind: 'permanent', code: 'invalid_input', status: 400, message: 'bad', fields: { newPassword: 'Choose a password of at least 12 characters' } }),
    });
    const result = await signIn(deps, form({ newPassword: 'short but ok for form!' }));
    expect(result).toMatchObject({ ok: false, error: { fields: { newPassword: 'Choose a password of at least 12 characters' } } });
  });
});

describe('sign out', () => {
  async function signedIn() {
    const context = setup();
    context.store.account = ACCOUNT;
    context.vault.save(TOKEN);
    await context.engine.start();
    await context.engine.idle();
    return context;
  }

  it('exports unsent changes, tells the server, clears the local data and forgets the sign-in', async () => {
    const { store, server, vault, engine, deps, recoveryFiles } = await signedIn();
    store.outbox = [mutation(7)];
    store.records.set('assets/a1', {});
    const result = await signOut(deps);
    expect(result).toMatchObject({ ok: true, value: { serverNotified: true, recoveryFile: expect.stringContaining('custodian-unsent-changes-') as string } });
    expect(recoveryFiles()).toHaveLength(1);
    expect(server.signOuts).toEqual([TOKEN]);
    expect(store).toMatchObject({ account: null, outbox: [], cookie: null });
    expect(store.records.size).toBe(0);
    expect(vault.load()).toBeNull();
    expect(engine.status()).toMatchObject({ state: 'local_only', account: null, pending: 0 });
  });

  it('signs out offline too: the server is told nothing, the session simply expires', async () => {
    const { server, engine, deps, recoveryFiles } = await signedIn();
    server.onSignOut = () => ({ ok: false, error: transportError({}) });
    const result = await signOut(deps);
    expect(result).toEqual({ ok: true, value: { serverNotified: false, recoveryFile: null } });
    expect(recoveryFiles()).toEqual([]);
    expect(engine.status().state).toBe('local_only');
  });

  it('removes nothing when the recovery file cannot be written', async () => {
    const { store, deps, engine } = await signedIn();
    store.outbox = [mutation(1)];
    const result = await signOut({ ...deps, writeRecovery: () => { throw new Error('ENOSPC: no space left on device'); } });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/ENOSPC/) as string } });
    expect(store.outbox).toHaveLength(1);
    expect(store.account).toEqual(ACCOUNT);
    await engine.idle();
    expect(engine.status().state).toBe('synced');
  });

  it('refuses on a computer that was never signed in (its records exist nowhere else)', async () => {
    const { store, engine, deps } = setup();
    store.outbox = [mutation(1)];
    await engine.start();
    expect(await signOut(deps)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(store.outbox).toHaveLength(1);
  });
});
