import type { Actor } from '../../src-shared/auth/actor';
import { DomainError } from '../../src-shared/result';
import { appendAudit } from '../audit/append-audit';
import { hashPassword, type PasswordHashing } from '../auth/password';
import { revokeAllSessions } from '../auth/sessions';
import { newOneTimePassword } from '../auth/tokens';
import type { Database } from '../db/database';
import { readAccount, viewOf } from './account-view';

/** Who is making an administrative change, from where, and when. Permission is checked by the route. */
export interface ChangeContext {
  readonly db: Database;
  readonly actor: Actor;
  readonly clientId: string | null;
  readonly now: Date;
}

async function requirePerson(db: Database, personId: string): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM people WHERE id = $1', [personId]);
  if (rows.length === 0) throw new DomainError('not_found', 'There is no person with this id in the directory', { personId: 'Choose a person from the directory' });
}

/**
 * Opens an account for a person in the directory (one person, one account), with a one-time password that must be
 * changed at first sign-in. The password is returned once, to the admin, and stored only as its argon2id hash.
 */
export async function createAccount(
  context: ChangeContext,
  hashing: PasswordHashing,
  personId: string,
): Promise<{ personId: string; oneTimePassword: string }> {
  await requirePerson(context.db, personId);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword, hashing);
  await context.db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO accounts (person_id, password_hash, must_change_password, created_at, updated_at, password_changed_at)
       VALUES ($1, $2, true, $3, $3, $3) ON CONFLICT (person_id) DO NOTHING`,
      [personId, passwordHash, context.now.toISOString()],
    );
    if (rowCount !== 1) throw new DomainError('conflict', 'This person already has an account', { personId: 'This person already has an account' });
    await appendAudit(tx, context.now, {
      actorId: context.actor.personId,
      clientId: context.clientId,
      action: 'account.create',
      entityType: 'account',
      entityId: personId,
      before: null,
      after: { personId, mustChangePassword: true, disabledAt: null },
    });
  });
  return { personId, oneTimePassword };
}

/**
 * Disables an account and ends all its sessions in the same transaction: a leaver or a compromised account is
 * refused on its very next request, on every API instance, because sessions are checked in the database each time.
 */
export async function disableAccount(
  context: ChangeContext,
  personId: string,
): Promise<{ personId: string; disabledAt: string; sessionsRevoked: number }> {
  if (personId === context.actor.personId) {
    throw new DomainError('conflict', 'You cannot disable your own account: ask another administrator', { personId: 'You cannot disable your own account' });
  }
  return context.db.transaction(async (tx) => {
    const before = await readAccount(tx, personId, true);
    if (!before) throw new DomainError('not_found', 'This person has no account', { personId: 'This person has no account' });
    if (before.disabledAt !== null) throw new DomainError('conflict', 'This account is already disabled', { personId: 'This account is already disabled' });
    const disabledAt = context.now.toISOString();
    await tx.query('UPDATE accounts SET disabled_at = $2, updated_at = $2 WHERE person_id = $1', [personId, disabledAt]);
    const sessionsRevoked = await revokeAllSessions(tx, personId, 'account_disabled', context.now);
    await appendAudit(tx, context.now, {
      actorId: context.actor.personId,
      clientId: context.clientId,
      action: 'account.disable',
      entityType: 'account',
      entityId: personId,
      before: viewOf(before),
      after: { ...viewOf(before), disabledAt, sessionsRevoked },
    });
    return { personId, disabledAt, sessionsRevoked };
  });
}

/** Re-enables a disabled account (a mistaken disable). Its old sessions stay ended: the person signs in afresh. */
export async function enableAccount(context: ChangeContext, personId: string): Promise<{ personId: string; disabledAt: null }> {
  return context.db.transaction(async (tx) => {
    const before = await readAccount(tx, personId, true);
    if (!before) throw new DomainError('not_found', 'This person has no account', { personId: 'This person has no account' });
    if (before.disabledAt === null) throw new DomainError('conflict', 'This account is not disabled', { personId: 'This account is not disabled' });
    await tx.query('UPDATE accounts SET disabled_at = NULL, updated_at = $2 WHERE person_id = $1', [personId, context.now.toISOString()]);
    await appendAudit(tx, context.now, {
      actorId: context.actor.personId,
      clientId: context.clientId,
      action: 'account.enable',
      entityType: 'account',
      entityId: personId,
      before: viewOf(before),
      after: { ...viewOf(before), disabledAt: null },
    });
    return { personId, disabledAt: null };
  });
}
