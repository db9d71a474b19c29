import { expect } from 'vitest';
import { CENTRAL_MIGRATIONS } from '../../../src-server/db/central-migrations';
import type { Database } from '../../../src-server/db/database';

/** Helpers for the tests that drive real server processes over HTTP. */
export interface Json {
  ok?: boolean;
  value?: Record<string, unknown>;
  error?: { code: string };
  paths?: Record<string, unknown>;
}

export async function request(base: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

export function oneTimePasswordFrom(stdout: string): string {
  const match = /^([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})$/m.exec(stdout);
  if (!match?.[1]) throw new Error(`No one-time password in:\n${stdout}`);
  return match[1];
}

export const EMAIL = 'first.admin@example.gov.uk';
export const NEW_PASSWORD = 'a long and private passphrase';

/**
 * The first administrator's first day, across one or two instances: sign in with the one-time password, be held to
 * changing it, change it, use the API (on the other instance too), sign out. Returns every secret seen, to check
 * that none reached a log.
 */
export async function firstSignIn(a: string, b: string, oneTimePassword: string): Promise<string[]> {
  expect((await request(a, 'GET', '/healthz')).status).toBe(200);
  expect((await request(b, 'GET', '/readyz')).json.value).toMatchObject({ database: 'reachable', schemaVersion: CENTRAL_MIGRATIONS.length });
  expect(Object.keys((await request(a, 'GET', '/openapi.json')).json.paths ?? {})).toContain('/api/v1/people');

  const signedIn = await request(a, 'POST', '/api/v1/auth/sign-in', { body: { email: EMAIL, password: oneTimePassword } });
  expect(signedIn.json.value).toMatchObject({ mustChangePassword: true });
  const token = String(signedIn.json.value?.token);
  expect((await request(b, 'GET', '/api/v1/people', { token })).status).toBe(403);
  expect((await request(b, 'POST', '/api/v1/auth/password', { token, body: { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD } })).status).toBe(200);
  const people = await request(a, 'GET', '/api/v1/people', { token });
  expect(people.json.value).toMatchObject({ items: [{ email: EMAIL, roles: ['staff', 'admin'] }], nextCursor: null });
  expect((await request(b, 'POST', '/api/v1/auth/sign-out', { token })).status).toBe(200);
  expect((await request(a, 'GET', '/api/v1/me', { token })).json.error?.code).toBe('unauthorised');
  expect((await request(a, 'POST', '/api/v1/auth/sign-in', { body: { email: EMAIL, password: oneTimePassword } })).status).toBe(401);
  return [oneTimePassword, NEW_PASSWORD, token, EMAIL];
}

export function expectNothingSecretIn(lines: readonly string[], secrets: readonly string[]): void {
  const text = lines.join('\n');
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/@example\.gov\.uk/);
}

/** Changes one stored audit event the way someone with database access could (triggers bypassed). */
export async function tamperWithEvent(db: Database, seq: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query("UPDATE audit_events SET actor_id = '00000000-0000-4000-8000-000000000001' WHERE seq = $1", [seq]);
  });
}
