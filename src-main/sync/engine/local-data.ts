import type { SyncAccount } from '../../../src-shared/sync/sync-status';
import type { SyncStorePort } from './ports';
import type { RecoveryContents } from './recovery-file';

/** Writes a recovery file and returns its path; throws when it cannot (the store must then be left alone). */
export type WriteRecovery = (contents: RecoveryContents) => string;

export interface Removed {
  /** The account the store was bound to, if any. */
  readonly account: SyncAccount | null;
  /** Where the unsent changes went, or null when there were none. */
  readonly recoveryFile: string | null;
  /** How many unsent changes went to it. */
  readonly exported: number;
}

/**
 * Takes the store's data away from this computer: the unsent changes to a recovery file first, flushed to disk, and
 * only then every record, the outbox, the rejections, the cookie and the account (the installation gets a new client
 * id as well). Used wherever an account's data must go: signing out, the account being disabled, and another account
 * signing in. Call it holding the serial gate, so that no change can slip in between the export and the clear. If the
 * file cannot be written this throws and nothing is removed.
 */
export function exportAndClear(store: SyncStorePort, writeRecovery: WriteRecovery, reason: RecoveryContents['reason']): Removed {
  const { account } = store.readState();
  const exported = store.pendingCount();
  let recoveryFile: string | null = null;
  if (exported > 0) {
    recoveryFile = writeRecovery({
      reason,
      clientId: store.clientId(),
      account: account === null ? null : { serverUrl: account.serverUrl, email: account.email },
      outbox: store.exportOutbox(),
    });
  }
  store.clearLocalData();
  store.clearAccount();
  return { account, recoveryFile, exported };
}
