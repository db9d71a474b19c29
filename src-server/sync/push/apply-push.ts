import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../../src-shared/auth/actor';
import { ruleFor, type Grant, type MutatorRule } from '../../../src-shared/auth/mutator-permissions';
import type { Mutator } from '../../../src-shared/mutators/define';
import { findMutator } from '../../../src-shared/mutators/registry';
import { DomainError } from '../../../src-shared/result';
import type { PushedMutation, PushRequest, PushResponse } from '../../../src-shared/sync/protocol';
import { appendAuditEvents, type AuditEntry } from '../../audit/append-audit';
import type { Database, Queryable } from '../../db/database';
import { describeDatabaseError, isTransientDatabaseError } from '../../db/db-errors';
import { lockClientForPush } from '../sync-clients';
import { lockSyncHead, publishSyncVersion } from '../sync-head';
import { PgMutatorTx } from '../write/pg-mutator-tx';
import { SyncRowStore, type RowChange } from '../write/row-store';
import { collectArgValues } from './arg-values';
import { isBelow, requireChangesInReach, requireSomeGrant } from './mutation-permission';
import { mutationTime } from './mutation-time';
import { orderPush } from './push-order';
import { describeRejection } from './rejection-message';

export interface PushContext {
  readonly db: Database;
  /** The server's clock for this request: audit events, rejections and client rows. Never used to order anything. */
  readonly now: Date;
  readonly actor: Actor;
  readonly log: FastifyBaseLogger;
  /** How old a mutation's own time may be (mutation-time.ts). */
  readonly maxMutationAgeDays: number;
}

/**
 * How a push runs its mutations:
 *   batch   – each mutation's writes are held in memory and undone there if it fails; everything is written at the
 *             end in a few statements. Fast, and right as long as the database refuses nothing.
 *   careful – each mutation runs under a SAVEPOINT and is written at once, so a refusal by the database (a constraint
 *             behind a mutator's own checks) is pinned on that one mutation. Used only when a batch run hit one.
 */
type Mode = 'batch' | 'careful';

/** A batch run's writes reached the database part-way through a mutation that then failed: run the push again carefully. */
class RetryCarefully extends Error {
  constructor() {
    super('retry the push one savepoint per mutation');
  }
}

/** The database refused a statement (not a transient failure): in a batch run the whole transaction is now unusable. */
function isDatabaseRefusal(error: unknown): boolean {
  return describeDatabaseError(error) !== undefined && !isTransientDatabaseError(error);
}

/**
 * A mutation ready to run at its time, or already refused (unknown name, made too long ago, arguments that fail its
 * schema, roles that do not allow it).
 */
type Prepared =
  | {
      readonly mutation: PushedMutation;
      readonly mutator: Mutator;
      readonly rule: MutatorRule;
      readonly held: readonly Grant[];
      readonly args: unknown;
      readonly at: string;
    }
  | { readonly mutation: PushedMutation; readonly refusal: unknown };

function prepare(context: PushContext, mutation: PushedMutation): Prepared {
  const mutator = findMutator(mutation.name);
  const rule = ruleFor(mutation.name);
  if (!mutator || !rule) {
    const message = `This server does not know the change "${mutation.name}": the desktop may be newer than the server`;
    return { mutation, refusal: new DomainError('unknown_method', message) };
  }
  let at: string;
  try {
    at = mutationTime(mutation.createdAt, context.now, context.maxMutationAgeDays);
  } catch (refusal) {
    return { mutation, refusal };
  }
  const parsed = mutator.args.safeParse(mutation.args);
  if (!parsed.success) return { mutation, refusal: parsed.error };
  try {
    return { mutation, mutator, rule, held: requireSomeGrant(context.actor, rule), args: parsed.data, at };
  } catch (refusal) {
    return { mutation, refusal };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}

/** The fields an update changed, as they were and as they became (a row made by the mutation is kept whole). */
function difference(change: RowChange): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  if (change.before === null) return { before: null, after: { ...change.after } };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(change.after)) {
    if (sameValue(value, change.before[field])) continue;
    before[field] = change.before[field];
    after[field] = value;
  }
  return { before, after };
}

/**
 * One audit event per applied mutation: its name as the action, the first record it changed as the entity, and for
 * every record it changed ("table/id") the fields before and after — whole rows for records it made, only the changed
 * fields for records it updated (what changed is the point, and the log stays small enough to write at push speed).
 */
function auditEntry(actor: Actor, clientId: string, mutation: PushedMutation, changes: readonly RowChange[]): AuditEntry {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const change of changes) {
    const key = `${change.table}/${change.id}`;
    const diff = difference(change);
    if (diff.before !== null) before[key] = diff.before;
    after[key] = diff.after;
  }
  const first = changes[0];
  return {
    actorId: actor.personId,
    clientId,
    action: mutation.name,
    entityType: first?.table ?? 'mutation',
    entityId: first?.id ?? `${clientId}/${String(mutation.id)}`,
    before: Object.keys(before).length > 0 ? { rows: before } : null,
    after: { mutationId: mutation.id, createdAt: mutation.createdAt, rows: after },
  };
}

interface Rejected {
  readonly mutation: PushedMutation;
  readonly code: string;
  readonly message: string;
}

/** One push, inside one transaction: every new mutation in order, then their writes, audit events and rejections. */
class PushRun {
  private readonly audits: AuditEntry[] = [];
  private readonly rejections: Rejected[] = [];

  constructor(
    private readonly tx: Queryable,
    private readonly context: PushContext,
    private readonly request: PushRequest,
    private readonly store: SyncRowStore,
    private readonly mode: Mode,
  ) {}

  private isReport = (personId: string): Promise<boolean> =>
    isBelow(personId, this.context.actor.personId, async (id) => {
      const person = await this.store.get('people', id);
      return typeof person?.lineManagerId === 'string' ? person.lineManagerId : null;
    });

  private async execute(item: Extract<Prepared, { mutator: Mutator }>): Promise<void> {
    const { mutation, mutator, rule, held, args, at } = item;
    const { actor } = this.context;
    // The desktop's time of the change within the server's limits (mutation-time.ts).
    const tx = new PgMutatorTx(this.store, { clientId: this.request.clientId, mutationId: mutation.id, actorId: actor.personId, now: at });
    await mutator.run(tx, args);
    await requireChangesInReach(actor, rule, held, this.store.pendingChanges(), this.isReport);
  }

  private async reject(mutation: PushedMutation, error: unknown, args: unknown): Promise<void> {
    const { code, message } = await describeRejection(error, mutation.name, args, this.store);
    const { actor } = this.context;
    const ids = { actorId: actor.personId, clientId: this.request.clientId, mutation: mutation.name, mutationId: mutation.id };
    if (code === 'internal') this.context.log.error({ err: error, event: 'mutation_failed', ...ids }, 'a pushed mutation failed unexpectedly');
    else if (code === 'forbidden') this.context.log.warn({ event: 'authorisation_refused', ...ids }, 'pushed mutation refused');
    this.rejections.push({ mutation, code, message });
  }

  private async runBatch(item: Extract<Prepared, { mutator: Mutator }>): Promise<RowChange[] | undefined> {
    this.store.begin();
    try {
      await this.execute(item);
      return this.store.commit();
    } catch (error) {
      // A statement failed (the transaction is unusable: applyPush starts over carefully), or the database is down.
      if (describeDatabaseError(error) !== undefined) throw error;
      // Some of its writes already reached the database, where only a savepoint could undo them: start over carefully.
      if (!this.store.rollback()) throw new RetryCarefully();
      await this.reject(item.mutation, error, item.args);
      return undefined;
    }
  }

  private async runCareful(item: Extract<Prepared, { mutator: Mutator }>): Promise<RowChange[] | undefined> {
    await this.tx.query('SAVEPOINT sync_mutation');
    this.store.begin();
    try {
      await this.execute(item);
      await this.store.flush();
      await this.tx.query('RELEASE SAVEPOINT sync_mutation');
      return this.store.commit();
    } catch (error) {
      if (isTransientDatabaseError(error)) throw error;
      await this.tx.query('ROLLBACK TO SAVEPOINT sync_mutation');
      await this.tx.query('RELEASE SAVEPOINT sync_mutation');
      this.store.rollback();
      await this.reject(item.mutation, error, item.args);
      return undefined;
    }
  }

  async run(fresh: readonly PushedMutation[]): Promise<{ applied: number; rejected: number }> {
    const prepared = fresh.map((mutation) => prepare(this.context, mutation));
    const values = collectArgValues(prepared.flatMap((item) => ('args' in item ? [item.args] : [])));
    await this.store.prefetch(values.uuids, values.strings);
    for (const item of prepared) {
      if ('refusal' in item) {
        await this.reject(item.mutation, item.refusal, item.mutation.args);
        continue;
      }
      const changes = this.mode === 'batch' ? await this.runBatch(item) : await this.runCareful(item);
      if (changes) this.audits.push(auditEntry(this.context.actor, this.request.clientId, item.mutation, changes));
    }
    await this.store.flush();
    await appendAuditEvents(this.tx, this.context.now, this.audits);
    await this.storeRejections();
    return { applied: this.audits.length, rejected: this.rejections.length };
  }

  private async storeRejections(): Promise<void> {
    if (this.rejections.length === 0) return;
    const rows = this.rejections.map(({ mutation, code, message }) => ({ mutation_id: mutation.id, name: mutation.name, code, message }));
    await this.tx.query(
      `INSERT INTO sync_rejections (client_id, mutation_id, name, code, message, rejected_at)
       SELECT $2, r.mutation_id, r.name, r.code, r.message, $3 FROM jsonb_to_recordset($1::jsonb) AS r (mutation_id bigint, name text, code text, message text)`,
      [JSON.stringify(rows), this.request.clientId, this.context.now.toISOString()],
    );
  }
}

async function runPush(tx: Queryable, context: PushContext, request: PushRequest, mode: Mode): Promise<PushResponse> {
  // The sync head first, always: it serialises every writer of synced tables, so what this push reads stays true
  // until it commits, and its version is the next in commit order.
  const head = await lockSyncHead(tx);
  const { lastMutationId } = await lockClientForPush(tx, request.clientId, context.actor.personId, context.now);
  const { duplicates, fresh } = orderPush(lastMutationId, request.mutations);
  const last = fresh.at(-1)?.id;
  if (last === undefined) return { lastMutationId, applied: 0, rejected: 0, duplicates };

  const version = head + 1;
  const store = new SyncRowStore(tx, version);
  const { applied, rejected } = await new PushRun(tx, context, request, store, mode).run(fresh);
  await tx.query('UPDATE sync_clients SET last_mutation_id = $2, updated_at = $3 WHERE client_id = $1', [request.clientId, last, context.now.toISOString()]);
  if (store.wroteRows) await publishSyncVersion(tx, version);
  return { lastMutationId: last, applied, rejected, duplicates };
}

/**
 * Applies a push exactly once, in ONE transaction: every new mutation (applied or rejected), their audit events and
 * the client's last mutation id commit together, or — on a transient database failure — nothing does and the client
 * retries. A gap in the ids refuses the whole push (nothing applied). Rejections advance the id and are kept for the
 * client's next pull, so one bad change never blocks the queue.
 */
export async function applyPush(context: PushContext, request: PushRequest): Promise<PushResponse> {
  try {
    return await context.db.transaction((tx) => runPush(tx, context, request, 'batch'));
  } catch (error) {
    if (!(error instanceof RetryCarefully) && !isDatabaseRefusal(error)) throw error;
    context.log.info({ event: 'push_retried_carefully', ...describeDatabaseError(error) }, 'push retried one savepoint per mutation');
    return context.db.transaction((tx) => runPush(tx, context, request, 'careful'));
  }
}
