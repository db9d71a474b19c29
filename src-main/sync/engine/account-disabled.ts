import type { EngineLogger } from './engine-api';
import { exportAndClear, type Removed, type WriteRecovery } from './local-data';
import type { Exclusive, SyncStorePort } from './ports';

/** What the person is told when the server said account_disabled without a message of its own (a poke stream's 401). */
export const ACCOUNT_DISABLED_MESSAGE = 'This account has been disabled. Contact an administrator if you think this is wrong.';

/** What the person is told once a disabled account's data has gone. */
function removedMessage(why: string, removed: Removed): string {
  if (removed.recoveryFile === null) return `${why} This account’s records were removed from this computer.`;
  const changes =
    removed.exported === 1 ? 'the change that had not been sent was' : `the ${removed.exported.toLocaleString('en-GB')} changes that had not been sent were`;
  return `${why} This account’s records were removed from this computer, and ${changes} saved to ${removed.recoveryFile}.`;
}

export interface RemovalDeps {
  readonly store: SyncStorePort;
  readonly exclusive: Exclusive;
  readonly writeRecovery: WriteRecovery;
  readonly log: EngineLogger;
}

/**
 * The server says the account has been disabled (DESIGN.md, "Security": leavers): its records may not stay on this
 * computer. As when signing out, its unsent changes go to a recovery file first and then its data is removed, under
 * the serial gate (local-data.ts). Never throws: `removed` says whether the data went, `message` what to tell the
 * person (`why` is the server's own words). When the recovery file cannot be written nothing is removed.
 */
export async function removeAccountData(deps: RemovalDeps, why: string): Promise<{ readonly removed: boolean; readonly message: string }> {
  try {
    const removed = await deps.exclusive(() => Promise.resolve(exportAndClear(deps.store, deps.writeRecovery, 'account_disabled')));
    deps.log.info({ exported: removed.exported }, 'the account is disabled: its data was removed from this computer');
    return { removed: true, message: removedMessage(why, removed) };
  } catch (error) {
    deps.log.error({ error }, 'could not remove a disabled account’s data');
    const detail = error instanceof Error ? error.message : String(error);
    return {
      removed: false,
      message: `${why} Custodian could not save the unsent changes to a recovery file, so this account’s records are still on this computer (${detail}). Restart Custodian to try again.`,
    };
  }
}
