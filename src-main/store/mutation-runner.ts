import type { Database } from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import type { Mutator } from '../../src-shared/mutators/define';
import { constraintToDomainError } from './constraint-error';
import { nextMutationId } from './installation';
import { prepared } from './prepared';
import { SqliteTx } from './sqlite-tx';
import { writeUndoLog } from './undo-log';

export interface MutationEnvironment {
  readonly db: Database;
  readonly clientId: string;
  readonly actorId: string | null;
  /** Injected so tests are deterministic; the real one is the wall clock (display only, never used for ordering). */
  readonly clock: () => Date;
}

/**
 * One mutation inside an open transaction: the mutator's writes, then its outbox entry under a fresh id (with who made
 * it, for a replay after a pull) and its undo_log row (how a pull's rewind takes the writes back): one statement each
 * per mutation, however many rows the mutator wrote.
 */
async function applyInTransaction(env: MutationEnvironment, mutator: Mutator, args: unknown, now: string, prevalidated = false) {
  const parsed: unknown = prevalidated ? args : mutator.args.parse(args);
  // Taken first so the mutator can derive record ids from it; a rollback hands it back, so ids stay gap-free.
  const mutationId = nextMutationId(env.db);
  const context = { clientId: env.clientId, mutationId, actorId: env.actorId, now };
  const tx = new SqliteTx(env.db, context);
  await mutator.run(tx, parsed);
  prepared(env.db, 'INSERT INTO outbox (mutation_id, client_id, name, args, created_at, actor_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    mutationId,
    env.clientId,
    mutator.name,
    JSON.stringify(parsed),
    now,
    env.actorId,
  );
  writeUndoLog(env.db, mutationId, tx.undoEntries);
  return mutationId;
}

/** Runs `work` in one IMMEDIATE transaction; any failure rolls everything back and reaches the caller as a domain error where it can. */
async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof SqliteError) throw constraintToDomainError(error) ?? error;
    throw error;
  }
}

/**
 * Runs one mutator and records it in the outbox in ONE SQLite transaction: the rows and the outbox entry commit
 * together or not at all. Callers must not run two mutations at once on one connection (the bridge serialises calls):
 * the transaction stays open across the mutator's awaits.
 */
export async function runMutation(env: MutationEnvironment, mutator: Mutator, args: unknown): Promise<{ mutationId: number }> {
  const now = env.clock().toISOString();
  const mutationId = await inTransaction(env.db, () => applyInTransaction(env, mutator, args, now));
  return { mutationId };
}

export interface BatchItem {
  readonly mutator: Mutator;
  readonly args: unknown;
  /**
   * The args are already the output of `mutator.args.parse` (an import's preview parsed every row with the mutator's
   * own schemas), so parsing them again would only cost time: about a quarter of an import's.
   */
  readonly prevalidated?: boolean;
  /** Who makes this one mutation, when not the environment's signed-in account (the demo's travellers and approvers). */
  readonly actorId?: string;
}

export interface BatchOptions {
  /** Called after every `yieldEvery` items with how many are done, between event-loop turns. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly yieldEvery?: number;
  /** Run inside the batch's transaction, before the first item and after the last (a bulk load's index rebuild). */
  readonly beforeFirst?: () => void;
  readonly afterLast?: () => void;
}

/**
 * Runs many mutations (an import) in ONE transaction: all commit, or none does. Between chunks it yields to the event
 * loop, so the app keeps answering (progress, window events) while a long batch runs; the serial gate still keeps
 * every other store call out until the batch ends.
 */
export async function runMutationBatch(
  env: MutationEnvironment,
  items: readonly BatchItem[],
  { onProgress, yieldEvery = 1000, beforeFirst, afterLast }: BatchOptions = {},
): Promise<{ firstMutationId: number | null; lastMutationId: number | null }> {
  const now = env.clock().toISOString();
  return inTransaction(env.db, async () => {
    beforeFirst?.();
    let first: number | null = null;
    let last: number | null = null;
    for (const [index, item] of items.entries()) {
      const itemEnv = item.actorId === undefined ? env : { ...env, actorId: item.actorId };
      const mutationId = await applyInTransaction(itemEnv, item.mutator, item.args, now, item.prevalidated);
      first ??= mutationId;
      last = mutationId;
      if ((index + 1) % yieldEvery === 0) {
        onProgress?.(index + 1, items.length);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    afterLast?.();
    onProgress?.(items.length, items.length);
    return { firstMutationId: first, lastMutationId: last };
  });
}
