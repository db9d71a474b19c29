import { z } from 'zod';
import { personFields } from '../../src-shared/domain/person';
import { newId } from '../../src-shared/ids';
import { DomainError } from '../../src-shared/result';
import { invalidInput } from '../../src-shared/validation';
import { appendAudit } from '../audit/append-audit';
import { hashPassword, type PasswordHashing } from '../auth/password';
import { newOneTimePassword } from '../auth/tokens';
import type { Database } from '../db/database';
import { nextSyncVersion } from '../sync/sync-head';

export const bootstrapAdminInput = z.strictObject({
  email: personFields.email,
  name: personFields.name,
  staffNumber: personFields.staffNumber,
});

export interface BootstrapResult {
  readonly personId: string;
  readonly createdPerson: boolean;
  /** Printed once by the command; only its hash is stored, and it must be changed at first sign-in. */
  readonly oneTimePassword: string;
}

/** Serialises concurrent bootstrap runs, so two cannot both find "no admin yet". */
const BOOTSTRAP_LOCK = 0x41444d4e;

/**
 * Creates the first administrator: the person (unless the directory already has them) with the admin role, and an
 * account with a one-time password. Refused once an enabled admin account exists — after that, admins create
 * accounts. (With every admin account disabled it works again: that is the recovery path.) Audited, by the CLI.
 */
export async function bootstrapAdmin(db: Database, now: Date, hashing: PasswordHashing, input: unknown): Promise<BootstrapResult> {
  const parsed = bootstrapAdminInput.safeParse(input);
  if (!parsed.success) {
    const problem = invalidInput(parsed.error, 'The first administrator');
    throw new DomainError(problem.code, problem.message, problem.fields);
  }
  const { email, name, staffNumber } = parsed.data;
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword, hashing);
  const at = now.toISOString();

  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    const admins = await tx.query(
      "SELECT 1 FROM accounts a JOIN people p ON p.id = a.person_id WHERE 'admin' = ANY (p.roles) AND a.disabled_at IS NULL LIMIT 1",
    );
    if (admins.rows.length > 0) {
      throw new DomainError('conflict', 'An administrator account already exists: sign in as an administrator to create further accounts');
    }
    const { rows: existing } = await tx.query<{ id: string; roles: string[]; has_account: boolean }>(
      'SELECT p.id::text AS id, p.roles, (a.person_id IS NOT NULL) AS has_account FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.email = $1',
      [email],
    );
    const found = existing[0];
    if (found?.has_account) {
      throw new DomainError('conflict', `${email} already has an account; give it the admin role instead`, { email: 'This person already has an account' });
    }
    let personId: string;
    if (found) {
      personId = found.id;
      const roles = [...new Set([...found.roles, 'admin'])];
      // A synced table changes: stamp the row so desktops pull the new role.
      const version = await nextSyncVersion(tx);
      await tx.query('UPDATE people SET roles = $2::text[], updated_at = $3, version = $4 WHERE id = $1', [personId, roles, at, version]);
      await appendAudit(tx, now, {
        actorId: null,
        clientId: 'cli',
        action: 'person.grant_role',
        entityType: 'person',
        entityId: personId,
        before: { roles: found.roles },
        after: { roles },
      });
    } else {
      personId = newId();
      const staffClash = await tx.query('SELECT 1 FROM people WHERE staff_number = $1', [staffNumber]);
      if (staffClash.rows.length > 0) {
        throw new DomainError('conflict', `Staff number ${staffNumber} already belongs to someone else; choose another with --staff-number`, {
          staffNumber: 'This staff number is already used',
        });
      }
      const person = { id: personId, staffNumber, name, email, lineManagerId: null, roles: ['staff', 'admin'], status: 'active' };
      const version = await nextSyncVersion(tx);
      await tx.query(
        `INSERT INTO people (id, staff_number, name, email, line_manager_id, roles, status, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, NULL, $5::text[], 'active', $6, $6, $7)`,
        [personId, staffNumber, name, email, person.roles, at, version],
      );
      await appendAudit(tx, now, { actorId: null, clientId: 'cli', action: 'person.create', entityType: 'person', entityId: personId, before: null, after: person });
    }
    await tx.query(
      `INSERT INTO accounts (person_id, password_hash, must_change_password, created_at, updated_at, password_changed_at)
       VALUES ($1, $2, true, $3, $3, $3)`,
      [personId, passwordHash, at],
    );
    await appendAudit(tx, now, {
      actorId: null,
      clientId: 'cli',
      action: 'account.bootstrap_admin',
      entityType: 'account',
      entityId: personId,
      before: null,
      after: { personId, mustChangePassword: true, disabledAt: null },
    });
    return { personId, createdPerson: !found, oneTimePassword };
  });
}
