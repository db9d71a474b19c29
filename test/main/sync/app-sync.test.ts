import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices, type AppServices } from '../../../src-main/bridge/app-services';
import { newId } from '../../../src-shared/ids';
import type { PullResponse, PushRequest } from '../../../src-shared/sync/protocol';
import type { SyncStatus } from '../../../src-shared/sync/sync-status';
import { tempDir } from '../../support/store';
import { ACCOUNT, page, PASSWORD, TOKEN } from './fakes';

/**
 * The whole desktop side over a real SQLite store, as the shells build it (openAppServices): the handler table, the
 * engine, the store's pull run and the account flows. Only the network is fake: a small scripted central API behind
 * `fetch`. (test/e2e/sync.spec.ts drives the same against the real server process.)
 */
const PERSON_ROW = {
  id: ACCOUNT.personId,
  staffNumber: 'S0001',
  name: ACCOUNT.name,
  email: ACCOUNT.email,
  lineManagerId: null,
  roles: ['staff', 'it_service_desk'],
  status: 'active',
  trainingCompletedOn: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};

function fakeApi() {
  const pushes: PushRequest[] = [];
  let processed = 0;
  let pulls = 0;
  const refuse = new Set<number>();
  /** Set to answer every sync request as the server does once the account is disabled. */
  const account = { disabled: false };
  const json = (value: unknown) => new Response(JSON.stringify({ ok: true, value }), { status: 200, headers: { 'content-type': 'application/json' } });
  const answer = (input: string | URL | Request, init?: RequestInit): Response => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (account.disabled && url.pathname.startsWith('/api/v1/sync/')) {
      const error = { code: 'account_disabled', message: 'This account has been disabled. Contact an administrator if you think this is wrong.', fields: {} };
      return new Response(JSON.stringify({ ok: false, error }), { status: 401, headers: { 'content-type': 'application/json' } });
    }
    switch (url.pathname) {
      case '/api/v1/auth/sign-in':
        return body.password === PASSWORD
          ? json({ token: TOKEN, sessionId: newId(), personId: ACCOUNT.personId, expiresAt: '2026-11-24T09:00:00.000Z', idleTimeoutSeconds: 1800, mustChangePassword: false })
          : new Response(JSON.stringify({ ok: false, error: { code: 'unauthorised', message: 'No', fields: {} } }), { status: 401 });
      case '/api/v1/me':
        return json({ person: { ...PERSON_ROW }, mustChangePassword: false, session: {} });
      case '/api/v1/auth/sign-out':
        return json({ signedOut: true });
      case '/api/v1/sync/push': {
        const push = body as unknown as PushRequest;
        pushes.push(push);
        processed = Math.max(processed, push.mutations.at(-1)?.id ?? 0);
        return json({ lastMutationId: processed, applied: push.mutations.length, rejected: 0, duplicates: 0 });
      }
      case '/api/v1/sync/pull': {
        pulls += 1;
        const reply: PullResponse = page({
          cookie: `c${String(pulls)}`,
          reset: body.cookie === null,
          lastMutationId: processed,
          patch: body.cookie === null ? [{ op: 'put', table: 'people', row: PERSON_ROW }] : [],
          rejections: [...refuse].map((mutationId) => ({ mutationId, name: 'asset.create', code: 'conflict', message: 'Not applied: tag taken', rejectedAt: '2026-11-23T10:00:00.000Z' })),
        });
        refuse.clear();
        return json(reply);
      }
      default:
        // The poke stream: this fake has none, which the desktop copes with by polling.
        return new Response('not here', { status: 404 });
    }
  };
  const fetchImpl: typeof fetch = (input, init) => Promise.resolve(answer(input, init));
  return { fetch: fetchImpl, pushes, refuse, account };
}

let services: AppServices | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await services?.dispatch(method, input);
  if (!result?.ok) throw new Error(`${method}: ${JSON.stringify(result)}`);
  return result.value as T;
}

describe('desktop sync through the handler table, on a real store', () => {
  it('signs in (recovering earlier local work), syncs, sends changes as the signed-in person, lists and dismisses a refusal, signs out', async () => {
    const api = fakeApi();
    const dataDir = tempDir();
    services = openAppServices({ dataDir, shell: 'web', version: 'test', fetch: api.fetch, log: { error: () => undefined } });

    await call('person.create', { id: newId(), staffNumber: 'L1', name: 'Local Person', email: 'local@example.gov.uk', lineManagerId: null });
    await expect.poll(async () => (await call<SyncStatus>('sync.status')).pending).toBe(1);
    expect(await call<SyncStatus>('sync.status')).toMatchObject({ state: 'local_only', account: null });

    const refused = await services.dispatch('sync.signIn', { serverUrl: ACCOUNT.serverUrl, email: ACCOUNT.email, password: 'wrong' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorised', fields: { password: 'No' } } });
    expect((await call<{ total: number }>('person.list')).total).toBe(1);

    const signedIn = await call<{ recoveryFile: string; clearedLocalData: boolean }>('sync.signIn', { serverUrl: ACCOUNT.serverUrl, email: ACCOUNT.email, password: PASSWORD });
    expect(signedIn.clearedLocalData).toBe(true);
    expect(existsSync(signedIn.recoveryFile)).toBe(true);

    const afterFirst = await call<SyncStatus>('sync.now');
    expect(afterFirst).toMatchObject({ state: 'synced', pending: 0, account: ACCOUNT });
    expect((await call<{ items: { name: string }[] }>('person.list')).items.map((p) => p.name)).toEqual([ACCOUNT.name]);

    // A change made now is sent under the installation's NEW client id, numbered from 1, as the signed-in person.
    const asset = { id: newId(), assetTag: 'LT-1', serialNumber: 'SN1', type: 'laptop', model: 'X' };
    await call('asset.create', asset);
    api.refuse.add(1);
    await call('sync.now');
    const pushed = api.pushes.at(-1);
    expect(pushed?.mutations.map((m) => [m.id, m.name])).toEqual([[1, 'asset.create']]);
    const recovered = JSON.parse(readFileSync(signedIn.recoveryFile, 'utf8')) as { clientId: string };
    expect(pushed?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(pushed?.clientId).not.toBe(recovered.clientId);
    const status = await call<SyncStatus>('sync.status');
    expect(status).toMatchObject({ pending: 0, rejected: 1 });

    const rejections = await call<{ mutationId: number; message: string; madeAt: string | null }[]>('sync.rejections');
    expect(rejections).toEqual([expect.objectContaining({ mutationId: 1, name: 'asset.create', message: 'Not applied: tag taken', madeAt: expect.any(String) as string })]);
    expect(await call('sync.dismissRejection', { mutationId: 1 })).toEqual({ dismissed: true });
    expect(await call('sync.dismissRejection', { mutationId: 1 })).toEqual({ dismissed: false });
    await expect.poll(async () => (await call<SyncStatus>('sync.status')).rejected).toBe(0);
    expect(await call('sync.rejections')).toEqual([]);

    expect(await call('sync.signOut')).toEqual({ recoveryFile: null, serverNotified: true });
    expect(await call<SyncStatus>('sync.status')).toMatchObject({ state: 'local_only', account: null, pending: 0 });
    expect((await call<{ total: number }>('person.list')).total).toBe(0);
  });

  it('a disabled account: its unsent changes go to a recovery file in the data directory and its records leave the store', async () => {
    const api = fakeApi();
    const dataDir = tempDir();
    services = openAppServices({ dataDir, shell: 'web', version: 'test', fetch: api.fetch, log: { error: () => undefined } });
    await call('sync.signIn', { serverUrl: ACCOUNT.serverUrl, email: ACCOUNT.email, password: PASSWORD });
    await call('sync.now');
    const asset = { id: newId(), assetTag: 'LT-3', serialNumber: 'SN3', type: 'laptop', model: 'X' };
    await call('asset.create', asset);

    api.account.disabled = true;
    const status = await call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ state: 'signed_out', reason: 'account_disabled', pending: 0, account: null });
    const file = /saved to (\S+\.json)\.$/.exec(status.message ?? '')?.[1] ?? '';
    expect(file.startsWith(join(dataDir, 'recovery'))).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { reason: string; outbox: { mutations: { name: string; args: { assetTag: string } }[] } };
    expect(saved.reason).toBe('account_disabled');
    expect(saved.outbox.mutations.map((m) => [m.name, m.args.assetTag])).toEqual([['asset.create', 'LT-3']]);
    expect((await call<{ total: number }>('person.list')).total).toBe(0);
    expect((await call<{ total: number }>('asset.list')).total).toBe(0);
  });

  it('records local changes as the signed-in person', async () => {
    const api = fakeApi();
    services = openAppServices({ dataDir: tempDir(), shell: 'web', version: 'test', fetch: api.fetch, log: { error: () => undefined } });
    await call('sync.signIn', { serverUrl: ACCOUNT.serverUrl, email: ACCOUNT.email, password: PASSWORD });
    await call('sync.now');
    const id = newId();
    await call('asset.create', { id, assetTag: 'LT-2', serialNumber: 'SN2', type: 'laptop', model: 'X' });
    const detail = await call<{ asset: { statusChangedBy: string | null } }>('asset.get', { id });
    expect(detail.asset.statusChangedBy).toBe(ACCOUNT.personId);
  });
});
