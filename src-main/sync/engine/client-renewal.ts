import type { SyncAccount } from '../../../src-shared/sync/sync-status';
import type { SyncStorePort } from './ports';

/**
 * After a client_mismatch (the server has this installation's client id bound to another account: a disk image copied
 * to several computers, or a store restored from another person's backup), gives the installation a new client id
 * for this account, but only when nothing is waiting to be sent. The local data is cleared (the new id starts its
 * mutation count at zero and has no cookie, so the next sync is a first sync that brings every record back) and the
 * account bound again. Returns false, changing nothing, when there are unsent changes: they were numbered under the
 * old id, may have been made as the other account, and must never be sent as this one; the person is told instead
 * (mismatchMessage) and can sign out, which saves them to a recovery file. Call holding the serial gate.
 */
export function renewClientId(store: SyncStorePort, account: SyncAccount): boolean {
  if (store.pendingCount() > 0) return false;
  store.clearLocalData();
  store.saveAccount(account);
  return true;
}

/** Why syncing stopped after a client_mismatch that renewClientId could not resolve. */
export function mismatchMessage(email: string, pending: number): string {
  const stuck = `The server has this computer’s sync identity bound to another account, so Custodian cannot sync as ${email}.`;
  if (pending === 0) return `${stuck} Sign out and sign in again; if this keeps happening, contact the IT service desk.`;
  const changes = pending === 1 ? 'The change made here that has not been sent is' : `The ${pending.toLocaleString('en-GB')} changes made here that have not been sent are`;
  return (
    `${stuck} ${changes} kept on this computer, and will not be sent as you. ` +
    'Signing out saves them to a recovery file (signing in again then starts afresh); contact the IT service desk about them.'
  );
}
