import type { Queryable } from '../db/database';
import { integer } from '../db/rows';
import { ApiError } from '../http/errors';

const MISMATCH =
  'This client id is bound to another account, so it cannot sync as you. Nothing was read or changed. ' +
  'An installation syncs as one account for ever: use a new client id for this account.';

function mismatch(): ApiError {
  return new ApiError('client_mismatch', MISMATCH, { fields: { clientId: 'Bound to another account' } });
}

/**
 * For a push: the client's row, locked until the transaction ends (so its last mutation id moves in turn), made on
 * first contact. A clientId is bound to the account that first used it; any other account is refused.
 */
export async function lockClientForPush(tx: Queryable, clientId: string, personId: string, now: Date): Promise<{ lastMutationId: number }> {
  const { rows } = await tx.query<{ person_id: string; last_mutation_id: unknown }>(
    'SELECT person_id::text AS person_id, last_mutation_id FROM sync_clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const row = rows[0];
  if (row) {
    if (row.person_id !== personId) throw mismatch();
    return { lastMutationId: integer(row.last_mutation_id) };
  }
  await tx.query('INSERT INTO sync_clients (client_id, person_id, last_mutation_id, created_at, updated_at) VALUES ($1, $2, 0, $3, $3)', [
    clientId,
    personId,
    now.toISOString(),
  ]);
  return { lastMutationId: 0 };
}

/** For a pull: binds an unknown client to this account (a pull is the usual first contact), or refuses another's. */
export async function bindClientForPull(db: Queryable, clientId: string, personId: string, boundTo: string | null, now: Date): Promise<void> {
  if (boundTo === personId) return;
  if (boundTo !== null) throw mismatch();
  await db.query(
    `INSERT INTO sync_clients (client_id, person_id, last_mutation_id, created_at, updated_at) VALUES ($1, $2, 0, $3, $3)
     ON CONFLICT (client_id) DO NOTHING`,
    [clientId, personId, now.toISOString()],
  );
  // Another pull or push may have bound it a moment earlier: whoever won owns it.
  const { rows } = await db.query<{ person_id: string }>('SELECT person_id::text AS person_id FROM sync_clients WHERE client_id = $1', [clientId]);
  if (rows[0]?.person_id !== personId) throw mismatch();
}
