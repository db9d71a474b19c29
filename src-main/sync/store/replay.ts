import type { Database } from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import { z } from 'zod';
import { findMutator } from '../../../src-shared/mutators/registry';
import { DomainError } from '../../../src-shared/result';
import { constraintToDomainError } from '../../store/constraint-error';
import { prepared } from '../../store/prepared';
import { SqliteTx } from '../../store/sqlite-tx';
import { writeUndoLog } from '../../store/undo-log';
import { undoWrites } from './rewind';
import type { RowWriter } from './row-writer';

/** A pending mutation that no longer applies on top of the server's data: kept in the outbox, with no local effect. */
export interface ReplayFailure {
  readonly mutationId: number;
  readonly name: string;
  /** The mutator's own refusal, written for people ("LT-0042 is issued to A. Smith…"). */
  readonly message: string;
}

export interface ReplayResult {
  readonly replayed: number;
  readonly failures: readonly ReplayFailure[];
}

interface PendingEntry {
  readonly mutationId: number;
  readonly clientId: string;
  readonly name: string;
  readonly args: string;
  readonly actorId: string | null;
  readonly createdAt: string;
}

/** Why a pending mutation cannot run now, as the person's kind of error; anything else is not theirs and stays thrown. */
function refusal(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof SqliteError) return constraintToDomainError(error);
  return undefined;
}

/** Runs one pending mutation as it first ran (its id, its author, its time); a refusal undoes its writes so far. */
async function replayOne(db: Database, writer: RowWriter, entry: PendingEntry, fallbackActor: string | null): Promise<ReplayFailure | null> {
  const mutator = findMutator(entry.name);
  if (!mutator) return { mutationId: entry.mutationId, name: entry.name, message: `This version of Custodian does not know the change “${entry.name}”` };
  // The outbox holds the mutator's parsed arguments; parsing them again is what the server will do with them too.
  const parsed = mutator.args.safeParse(JSON.parse(entry.args));
  if (!parsed.success) return { mutationId: entry.mutationId, name: entry.name, message: `Its details are no longer valid: ${z.prettifyError(parsed.error)}` };
  const tx = new SqliteTx(db, {
    clientId: entry.clientId,
    mutationId: entry.mutationId,
    // Made before anyone signed in on this desktop: the server runs it as the account that pushes it.
    actorId: entry.actorId ?? fallbackActor,
    now: entry.createdAt,
  });
  try {
    await mutator.run(tx, parsed.data);
  } catch (error) {
    const refused = refusal(error);
    if (!refused) throw error;
    // No savepoint: every savepoint makes FTS5 flush its pending terms. The writes it made are in its undo entries.
    undoWrites(writer, tx.undoEntries);
    return { mutationId: entry.mutationId, name: entry.name, message: refused.message };
  }
  writeUndoLog(db, entry.mutationId, tx.undoEntries);
  return null;
}

/**
 * REPLAY: re-runs every mutation still in the outbox, oldest first, on top of the server's rows, each through its
 * mutator with its own context (so it makes the same record ids the server will), recording fresh undo entries.
 * One that is refused now (another desktop issued that asset first) stays in the outbox with no local effect and an
 * empty undo record: the server will refuse it with the authoritative reason, which comes back as a rejection.
 */
export async function replayPending(db: Database, writer: RowWriter, fallbackActor: string | null): Promise<ReplayResult> {
  const ids = (prepared(db, 'SELECT mutation_id AS id FROM outbox ORDER BY mutation_id').all() as { id: number }[]).map((row) => row.id);
  const failures: ReplayFailure[] = [];
  for (const id of ids) {
    const entry = prepared(
      db,
      `SELECT mutation_id AS mutationId, client_id AS clientId, name, args, actor_id AS actorId, created_at AS createdAt
         FROM outbox WHERE mutation_id = ?`,
    ).get(id) as PendingEntry;
    const failure = await replayOne(db, writer, entry, fallbackActor);
    if (failure) {
      failures.push(failure);
      writeUndoLog(db, id, []);
    }
  }
  return { replayed: ids.length - failures.length, failures };
}
