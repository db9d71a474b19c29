import { DomainError } from '../../src-shared/result';
import { appendAudit } from '../audit/append-audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { revokeAllSessions } from '../auth/sessions';
import { checkThrottle, clearThrottle, recordFailure, throttleKey } from '../auth/throttle';
import type { ServerConfig } from '../config/server-config';
import type { Database } from '../db/database';
import { readAccount } from './account-view';

export interface PasswordChange {
  readonly personId: string;
  readonly sessionId: string;
  readonly clientId: string | null;
  readonly currentPassword: string;
  readonly newPassword: string;
}

export type PasswordChangeOutcome =
  | { readonly ok: true; readonly otherSessionsRevoked: number }
  | { readonly ok: false; readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/**
 * Changes the signed-in person's own password (required after a one-time password). The current password must be
 * given — a stolen session alone cannot take the account over — and guesses at it are throttled like sign-ins.
 * Every other session of the account ends: whoever else was signed in has to sign in with the new password.
 */
export async function changePassword(
  deps: { db: Database; now: Date; config: ServerConfig },
  change: PasswordChange,
): Promise<PasswordChangeOutcome> {
  const { db, now, config } = deps;
  const key = throttleKey('password-change', change.personId, config.signInLimits.perAccount);
  const throttle = await checkThrottle(db, [key], now);
  if (throttle.blocked) return { ok: false, kind: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const account = await readAccount(db, change.personId);
  if (!account) throw new DomainError('not_found', 'Your account no longer exists');
  if (!(await verifyPassword(account.passwordHash, change.currentPassword))) {
    await recordFailure(db, [key], now);
    throw new DomainError('invalid_input', 'Your current password is not right', { currentPassword: 'Enter your current password correctly' });
  }
  if (change.newPassword === change.currentPassword) {
    throw new DomainError('invalid_input', 'Choose a new password that is different from your current one', {
      newPassword: 'Choose a password that is different from your current one',
    });
  }
  const passwordHash = await hashPassword(change.newPassword, config.passwordHashing);
  return db.transaction(async (tx) => {
    await clearThrottle(tx, key);
    await tx.query('UPDATE accounts SET password_hash = $2, must_change_password = false, password_changed_at = $3, updated_at = $3 WHERE person_id = $1', [
      change.personId,
      passwordHash,
      now.toISOString(),
    ]);
    const otherSessionsRevoked = await revokeAllSessions(tx, change.personId, 'password_changed', now, change.sessionId);
    await appendAudit(tx, now, {
      actorId: change.personId,
      clientId: change.clientId,
      action: 'account.password_change',
      entityType: 'account',
      entityId: change.personId,
      before: { personId: change.personId, mustChangePassword: account.mustChangePassword },
      after: { personId: change.personId, mustChangePassword: false, otherSessionsRevoked },
    });
    return { ok: true, otherSessionsRevoked };
  });
}
