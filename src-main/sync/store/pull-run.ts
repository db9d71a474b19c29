import type { Database } from 'better-sqlite3';
import type { PullResponse } from '../../../src-shared/sync/protocol';
import type { MutationEnvironment } from '../../store/mutation-runner';
import { prepared } from '../../store/prepared';
import { PatchApplier } from './apply-patch';
import { recordRejections } from './rejections';
import { replayPending, type ReplayFailure } from './replay';
import { rewindPending } from './rewind';
import { RowWriter } from './row-writer';
import { readSyncState, saveCookie } from './sync-state';
import { NOTHING_APPLIED, SyncStoreError } from './sync-store-error';
import { wipeSyncedTables } from './wipe';

/**
 * One pull run (DESIGN.md, "Sync protocol": rewind, apply, replay), driven by the sync engine page by page:
 *
 *   const run = beginPullRun(db);              // cookie to pull from: run.cookie
 *   applyPage(run, page) …                      // every page, until page.more is false
 *   const result = await finishPullRun(run, env);
 *
 * Every page of the run is applied in ONE transaction, committed by finishPullRun, so the app never holds a
 * half-synced store. Any error thrown by these functions has already rolled the run back (nothing half-applied) and
 * closed it; abortPullRun is for the engine's own failures (the network) and may be called again harmlessly.
 *
 * The run holds the connection's write transaction from begin to finish: the caller holds the bridge's serial gate
 * for the whole run, so no other call (a mutation, or a query that would see the run's uncommitted rows) runs in it.
 */
export interface PullRun {
  readonly db: Database;
  /** The cookie to send with the first pull: the last committed run's, or null for a first sync. */
  readonly cookie: string | null;
}

export interface PullRunResult {
  /** The first page said reset: every synced row was replaced. */
  readonly reset: boolean;
  readonly pages: number;
  readonly puts: number;
  readonly dels: number;
  /** Outbox entries the server has processed (applied or rejected), now dropped. */
  readonly confirmed: number;
  /** Unsent mutations taken back before the patch (0 on a reset, which replaces everything they touched anyway). */
  readonly rewound: number;
  /** Unsent mutations re-run on top of the server's rows. */
  readonly replayed: number;
  /** Unsent mutations that no longer apply: kept in the outbox for the server's verdict, with no local effect. */
  readonly replayFailures: readonly ReplayFailure[];
  /** Rejections newly recorded for the "Changes not applied" list. */
  readonly rejections: number;
}

interface RunState {
  open: boolean;
  pages: number;
  reset: boolean;
  writer: RowWriter | null;
  patch: PatchApplier | null;
  rewound: number;
  rejections: number;
  /** From the last page applied. */
  lastMutationId: number;
  nextCookie: string | null;
  complete: boolean;
}

const states = new WeakMap<PullRun, RunState>();

function stateOf(run: PullRun): RunState {
  const state = states.get(run);
  if (!state?.open) {
    throw new SyncStoreError('run_closed', 'This sync had already finished or been abandoned, so nothing more can be applied to it.');
  }
  return state;
}

/**
 * Rolls the run back and turns foreign keys on again. Safe to call twice, or after a failure or finish already closed
 * the run: a closed run touches nothing (the connection may since be in someone else's transaction).
 */
export function abortPullRun(run: PullRun): void {
  const state = states.get(run);
  if (!state?.open) return;
  state.open = false;
  try {
    if (run.db.inTransaction) run.db.exec('ROLLBACK');
  } finally {
    run.db.pragma('foreign_keys = ON');
  }
}

/** Runs `work` on an open run; any error closes the run (rolled back) before it reaches the caller. */
function closingOnError<T>(run: PullRun, work: (state: RunState) => T): T {
  const state = stateOf(run);
  try {
    return work(state);
  } catch (error) {
    abortPullRun(run);
    throw error;
  }
}

/**
 * Opens the run's transaction.
 *
 * Foreign keys go OFF for the run (set here because the pragma is a no-op inside a transaction). The desktop holds a
 * replica limited to what its user may see, and its rows may rightly point outside it: a line manager's own person
 * row names their manager, who is outside their scope; an asset event names the person who held the asset before it
 * went to someone else. Referential integrity of synced rows is the server's job, checked in its full database;
 * local mutators check what they reference themselves (they look the row up and refuse a change to a missing one).
 */
export function beginPullRun(db: Database): PullRun {
  if (db.inTransaction) {
    throw new SyncStoreError('busy', 'A sync could not start because another change to the local data was still being saved. It will be tried again.');
  }
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    db.pragma('foreign_keys = ON');
    throw error;
  }
  const run: PullRun = { db, cookie: readSyncState(db).cookie };
  states.set(run, {
    open: true,
    pages: 0,
    reset: false,
    writer: null,
    patch: null,
    rewound: 0,
    rejections: 0,
    lastMutationId: 0,
    nextCookie: null,
    complete: false,
  });
  return run;
}

/**
 * The run's first page decides how it starts. A reset empties the synced tables (not the outbox or the rejections) and
 * writes in bulk. Otherwise the unsent mutations are REWOUND first, so the patch lands on the server's rows. (Done
 * here rather than in beginPullRun: on a reset the rewind would only be thrown away, which for a desktop that
 * imported a register offline before its first sync would cost seconds; and mutations made before version 7 have
 * no undo records, which only a reset can do without.)
 */
function start(db: Database, state: RunState, reset: boolean): PatchApplier {
  state.reset = reset;
  let writer: RowWriter;
  if (reset) {
    wipeSyncedTables(db);
    prepared(db, 'DELETE FROM undo_log').run();
    writer = new RowWriter(db, true);
  } else {
    writer = new RowWriter(db, false);
    state.rewound = rewindPending(db, writer);
  }
  const patch = new PatchApplier(writer);
  state.writer = writer;
  state.patch = patch;
  return patch;
}

function lastHandedOut(db: Database): number {
  return (prepared(db, 'SELECT last_mutation_id AS id FROM installation WHERE singleton = 1').get() as { id: number }).id;
}

/** Applies one page: its rows and tombstones, and its rejections (recorded while their outbox entries still exist). */
export function applyPage(run: PullRun, page: PullResponse): void {
  closingOnError(run, (state) => {
    if (state.complete) throw new SyncStoreError('bad_page', `The server sent more after the last page of a sync. ${NOTHING_APPLIED}`);
    if (page.reset && state.pages > 0) throw new SyncStoreError('bad_page', `The server asked to start again part-way through a sync. ${NOTHING_APPLIED}`);
    if (page.lastMutationId > lastHandedOut(run.db)) {
      throw new SyncStoreError(
        'client_ahead',
        `The server has changes from this desktop that it never made (up to number ${String(page.lastMutationId)}): its data file was probably ` +
          `copied from another computer. ${NOTHING_APPLIED}`,
      );
    }
    const patch = state.patch ?? start(run.db, state, page.reset);
    state.pages += 1;
    patch.apply(page.patch);
    state.rejections += recordRejections(run.db, page.rejections);
    state.lastMutationId = page.lastMutationId;
    state.nextCookie = page.cookie;
    state.complete = !page.more;
  });
}

/**
 * Ends the run after its last page: drops the outbox entries the server has processed, REPLAYS the rest on top of the
 * server's rows, saves the cookie and commits. `env` gives the clock (last synced at) and the actor for mutations
 * made before anyone signed in (each mutation otherwise replays as the person who made it).
 */
export async function finishPullRun(run: PullRun, env: Pick<MutationEnvironment, 'actorId' | 'clock'>): Promise<PullRunResult> {
  const { db } = run;
  const state = stateOf(run);
  try {
    if (!state.complete || state.writer === null || state.patch === null || state.nextCookie === null) {
      throw new SyncStoreError('bad_page', `A sync was finished before its last page arrived. ${NOTHING_APPLIED}`);
    }
    state.patch.assertSettled();
    state.writer.finishBulk();
    const confirmed = prepared(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(state.lastMutationId).changes;
    prepared(db, 'DELETE FROM undo_log WHERE mutation_id <= ?').run(state.lastMutationId);
    const replay = await replayPending(db, new RowWriter(db, false), env.actorId);
    saveCookie(db, state.nextCookie, env.clock().toISOString());
    db.exec('COMMIT');
    state.open = false;
    db.pragma('foreign_keys = ON');
    return {
      reset: state.reset,
      pages: state.pages,
      puts: state.patch.puts,
      dels: state.patch.dels,
      confirmed,
      rewound: state.rewound,
      replayed: replay.replayed,
      replayFailures: replay.failures,
      rejections: state.rejections,
    };
  } catch (error) {
    abortPullRun(run);
    throw error;
  }
}
