import { ACCOUNT_DISABLED } from '../../../src-shared/auth/auth-error-codes';
import type { SyncErrorCode } from '../../../src-shared/sync/error-codes';
import type { LocalError } from './sync-cycle';
import type { TransportError } from './transport-errors';

const CLIENT_MISMATCH: SyncErrorCode = 'client_mismatch';

/**
 * What the engine does after a failed sync, decided from the error alone (so it is tested without an engine):
 * - remove_account: the account is disabled (or its person has left): its unsent changes go to a recovery file, its
 *   records are removed from this computer, and the desktop is signed out. The sign-in can never work again.
 * - sign_out: the sign-in ended (signed out elsewhere, expired, idle): signed out, everything kept for the next sign-in.
 * - update_required: the server speaks a newer protocol: stop until Custodian is updated, everything kept.
 * - renew_client: this installation's client id is bound to another account on the server: take a new one if nothing
 *   is waiting to be sent, otherwise stop and say why (client-renewal.ts).
 * - retry: anything else (offline, the server busy or refusing this once, a page the store could not hold): try
 *   again after a backoff, everything kept.
 */
export type Reaction = 'remove_account' | 'sign_out' | 'update_required' | 'renew_client' | 'retry';

export function reactionTo(error: TransportError | LocalError): Reaction {
  if (error.kind === 'local') return 'retry';
  if (error.kind === 'auth') return error.code === ACCOUNT_DISABLED ? 'remove_account' : 'sign_out';
  if (error.kind === 'too_old') return 'update_required';
  if (error.code === CLIENT_MISMATCH) return 'renew_client';
  return 'retry';
}
