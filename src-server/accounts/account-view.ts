import type { Queryable } from '../db/database';
import { isoTimeOrNull } from '../db/rows';

/**
 * An account as the audit log and the API show it: never the password hash. Audit events record this before and
 * after each change, so the log says what changed without holding anything that could sign someone in.
 */
export interface AccountView {
  readonly personId: string;
  readonly mustChangePassword: boolean;
  readonly disabledAt: string | null;
}

/** Reads (and with `lock`, row-locks until the transaction ends) one account. */
export async function readAccount(tx: Queryable, personId: string, lock = false): Promise<(AccountView & { passwordHash: string }) | undefined> {
  const { rows } = await tx.query<{ must_change_password: boolean; disabled_at: unknown; password_hash: string }>(
    `SELECT must_change_password, disabled_at, password_hash FROM accounts WHERE person_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [personId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { personId, mustChangePassword: row.must_change_password, disabledAt: isoTimeOrNull(row.disabled_at), passwordHash: row.password_hash };
}

export function viewOf(account: AccountView): AccountView {
  return { personId: account.personId, mustChangePassword: account.mustChangePassword, disabledAt: account.disabledAt };
}
