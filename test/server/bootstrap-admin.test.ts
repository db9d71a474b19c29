import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../src-server/accounts/bootstrap-admin';
import { verifyPassword } from '../../src-server/auth/password';
import { verifyAuditChain } from '../../src-server/audit/verify-chain';
import { newId } from '../../src-shared/ids';
import { DomainError } from '../../src-shared/result';
import { TEST_PASSWORD_HASHING } from './support/api';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/databases';
import { insertAccount, insertPerson } from './support/org';

const NOW = new Date('2026-11-23T09:00:00.000Z');
const admin = (email: string, staffNumber = 'ADMIN-0001') => ({ email, name: 'First Admin', staffNumber });

describe.each(BACKENDS)('bootstrap-admin on %s', { timeout: 30_000 }, (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(backend);
  }, 60_000);
  afterAll(() => test.close());

  it('refuses bad input with field errors, writing nothing', async () => {
    const refused = await bootstrapAdmin(test.db, NOW, TEST_PASSWORD_HASHING, { email: 'not an email', name: '', staffNumber: 'x y' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(Object.keys((refused as DomainError).fields).sort()).toEqual(['email', 'name', 'staffNumber']);
    expect((await test.db.query('SELECT 1 FROM people')).rows).toEqual([]);
  });

  it('creates the person with the admin role, an account whose one-time password must be changed, and audits both', async () => {
    const result = await bootstrapAdmin(test.db, NOW, TEST_PASSWORD_HASHING, admin(' First.Admin@Example.gov.uk '));
    expect(result.createdPerson).toBe(true);
    const { rows } = await test.db.query<{ email: string; roles: string[]; must_change_password: boolean; password_hash: string }>(
      'SELECT p.email, p.roles, a.must_change_password, a.password_hash FROM people p JOIN accounts a ON a.person_id = p.id',
    );
    expect(rows).toMatchObject([{ email: 'first.admin@example.gov.uk', roles: ['staff', 'admin'], must_change_password: true }]);
    expect(await verifyPassword(rows[0]?.password_hash ?? '', result.oneTimePassword)).toBe(true);
    const audit = await test.db.query<{ action: string; actor_id: string | null; client_id: string }>('SELECT action, actor_id, client_id FROM audit_events ORDER BY seq');
    expect(audit.rows).toEqual([
      { action: 'person.create', actor_id: null, client_id: 'cli' },
      { action: 'account.bootstrap_admin', actor_id: null, client_id: 'cli' },
    ]);
    expect(JSON.stringify(audit.rows)).not.toContain(result.oneTimePassword);
    expect(await verifyAuditChain(test.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('is refused once an enabled admin account exists', async () => {
    await expect(bootstrapAdmin(test.db, NOW, TEST_PASSWORD_HASHING, admin('other@example.gov.uk', 'ADMIN-0002'))).rejects.toThrow(/already exists/);
  });

  it('works again when every admin account is disabled (the recovery path), for a person already in the directory', async () => {
    await test.db.query('UPDATE accounts SET disabled_at = $1', [NOW.toISOString()]);
    const personId = newId();
    await insertPerson(test.db, { id: personId, name: 'dave', email: 'dave@example.gov.uk', lineManagerId: null, roles: ['staff', 'security'] });
    const result = await bootstrapAdmin(test.db, NOW, TEST_PASSWORD_HASHING, admin('dave@example.gov.uk', 'IGNORED-1'));
    expect(result).toMatchObject({ personId, createdPerson: false });
    const { rows } = await test.db.query<{ roles: string[] }>('SELECT roles FROM people WHERE id = $1', [personId]);
    expect(rows[0]?.roles).toEqual(['staff', 'security', 'admin']);
  });

  it('refuses a person who already has an account', async () => {
    await test.db.query('UPDATE accounts SET disabled_at = $1', [NOW.toISOString()]);
    const personId = newId();
    await insertPerson(test.db, { id: personId, name: 'bob', email: 'bob@example.gov.uk', lineManagerId: null, roles: ['staff'] });
    await insertAccount(test.db, personId, '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo');
    await expect(bootstrapAdmin(test.db, NOW, TEST_PASSWORD_HASHING, admin('bob@example.gov.uk', 'X-1'))).rejects.toThrow(/already has an account/);
  });
});
