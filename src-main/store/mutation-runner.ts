import type { Database } from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import { TABLE_COLUMNS } from '../../src-shared/domain/tables';
import type { Mutator } from '../../src-shared/mutators/define';
import { DomainError } from '../../src-shared/result';
import { nextMutationId } from './installation';
import { prepared } from './prepared';
import { SqliteTx } from './sqlite-tx';

export interface MutationEnvironment {
  readonly db: Database;
  readonly clientId: string;
  readonly actorId: string | null;
  /** Injected so tests are deterministic; the real one is the wall clock (display only, never used for ordering). */
  readonly clock: () => Date;
}

/** "UNIQUE constraint failed: assets.asset_tag" → the domain field "assetTag". */
function fieldForColumn(qualified: string): string | undefined {
  const [table, column] = qualified.split('.');
  const columns: Readonly<Record<string, string>> | undefined = (TABLE_COLUMNS as Record<string, Record<string, string>>)[table ?? ''];
  return columns ? Object.keys(columns).find((field) => columns[field] === column) : undefined;
}

/**
 * The database's own constraints are the backstop behind each mutator's checks (two writes racing, a mutator
 * that forgot a check). They still reach people as a named field, never as raw SQLite text.
 */
function constraintToDomainError(error: InstanceType<typeof SqliteError>): DomainError | undefined {
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const field = fieldForColumn(error.message.replace(/^.*failed: /, '').split(',')[0]?.trim() ?? '') ?? 'id';
    return new DomainError('conflict', `Another record already has this ${field}`, { [field]: `Another record already has this value` });
  }
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('conflict', 'This change refers to a record that does not exist');
  }
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    return new DomainError('invalid_input', `The change breaks a rule of the local store: ${error.message}`);
  }
  return undefined;
}

/** One mutation inside an open transaction: the mutator's writes, then its outbox entry under a fresh id. */
async function applyInTransaction(env: MutationEnvironment, mutator: Mutator, args: unknown, now: string, prevalidated = false) {
  const parsed: unknown = prevalidated ? args : mutator.args.parse(args);
  // Taken first so the mutator can derive record ids from it; a rollback hands it back, so ids stay gap-free.
  const mutationId = nextMutationId(env.db);
  const context = { clientId: env.clientId, mutationId, actorId: env.actorId, now };
  await mutator.run(new SqliteTx(env.db, context), parsed);
  prepared(env.db, 'INSERT INTO outbox (mutation_id, client_id, name, args, created_at) VALUES (?, ?, ?, ?, ?)').run(
    mutationId,
    env.clientId,
    mutator.name,
    JSON.stringify(parsed),
    now,
  );
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
}

export interface BatchOptions {
  /** Called after every `yieldEvery` items with how many are done, between event-loop turns. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly yieldEvery?: number;
}

/**
 * Runs many mutations (an import) in ONE transaction: all commit, or none does. Between chunks it yields to the event
 * loop, so the app keeps answering (progress, window events) while a long batch runs; the serial gate still keeps
 * every other store call out until the batch ends.
 */
export async function runMutationBatch(
  env: MutationEnvironment,
  items: readonly BatchItem[],
  { onProgress, yieldEvery = 1000 }: BatchOptions = {},
): Promise<{ firstMutationId: number | null; lastMutationId: number | null }> {
  const now = env.clock().toISOString();
  return inTransaction(env.db, async () => {
    let first: number | null = null;
    let last: number | null = null;
    for (const [index, item] of items.entries()) {
      const mutationId = await applyInTransaction(env, item.mutator, item.args, now, item.prevalidated);
      first ??= mutationId;
      last = mutationId;
      if ((index + 1) % yieldEvery === 0) {
        onProgress?.(index + 1, items.length);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    onProgress?.(items.length, items.length);
    return { firstMutationId: first, lastMutationId: last };
  });
}
