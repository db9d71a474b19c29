import type { Database } from 'better-sqlite3';
import type { SyncStorePort } from './engine/ports';
import { clearLocalData } from './store/clear-local-data';
import { currentClientId, exportOutbox, pendingCount, pendingMutations } from './store/outbox';
import { abortPullRun, applyPage, beginPullRun, finishPullRun } from './store/pull-run';
import { countUndismissedRejections } from './store/rejections';
import { clearAccount, forgetCookie, readSyncState, saveAccount } from './store/sync-state';
import { SyncStoreError } from './store/sync-store-error';

/** The sync engine's view of the local store (engine/ports.ts), over src-main/sync/store. */
export function createStorePort(db: Database, clock: () => Date): SyncStorePort {
  return {
    readState: () => {
      const { account, lastSyncedAt } = readSyncState(db);
      return { account, lastSyncedAt };
    },
    clientId: () => currentClientId(db),
    pendingCount: () => pendingCount(db),
    rejectionCount: () => countUndismissedRejections(db),
    pendingMutations: (afterId, limit, maxBytes) => pendingMutations(db, afterId, limit, maxBytes),
    beginPull: (actorId) => {
      const run = beginPullRun(db);
      return {
        cookie: run.cookie,
        apply: (page) => {
          try {
            applyPage(run, page);
          } catch (error) {
            // Unsent changes from before version 7 cannot be rewound under an incremental patch; a pull from scratch
            // replaces everything they touched. The run is already rolled back: the next cycle starts from no cookie.
            if (error instanceof SyncStoreError && error.code === 'rewind_incomplete') forgetCookie(db);
            throw error;
          }
        },
        finish: async () => {
          const result = await finishPullRun(run, { actorId, clock });
          return { rejections: result.rejections, replayFailures: result.replayFailures.length };
        },
        abort: () => {
          abortPullRun(run);
        },
      };
    },
    saveAccount: (account) => {
      saveAccount(db, account);
    },
    clearAccount: () => {
      clearAccount(db);
    },
    hasLocalData: () =>
      pendingCount(db) > 0 ||
      (
        db
          .prepare(
            `SELECT EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM assets)
                 OR EXISTS (SELECT 1 FROM asset_events) OR EXISTS (SELECT 1 FROM aup_acknowledgements)
                 OR EXISTS (SELECT 1 FROM security_incidents) AS any`,
          )
          .get() as { any: number }
      ).any === 1,
    exportOutbox: () => exportOutbox(db, clock),
    clearLocalData: () => {
      clearLocalData(db);
    },
  };
}
