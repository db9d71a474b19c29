import type { Actor } from '../../../src-shared/auth/actor';
import type { PullRequest, PullResponse, Rejection } from '../../../src-shared/sync/protocol';
import type { Database, Queryable } from '../../db/database';
import { integer } from '../../db/rows';
import { bindClientForPull } from '../sync-clients';
import { decodeCookie, encodeCookie, type PullCookie, type PullRun } from './cookie';
import { countRun, readPage } from './read-page';
import type { ScopeCache } from './scope';

export interface PullContext {
  readonly db: Database;
  readonly now: Date;
  readonly actor: Actor;
  readonly scopes: ScopeCache;
  /** Operations per page (PULL_PAGE_ROWS; tests make it small). */
  readonly pageRows: number;
}

interface SyncState {
  readonly head: number;
  readonly peopleVersion: number;
  /** The account the client is bound to, if it has synced before. */
  readonly boundTo: string | null;
  readonly lastMutationId: number;
  readonly pendingRejections: boolean;
}

/** Everything a pull decides on, in ONE statement: one statement sees one snapshot, even outside a transaction. */
async function readState(db: Queryable, clientId: string, reported: number): Promise<SyncState> {
  const { rows } = await db.query<{ head: unknown; people_version: unknown; person_id: string | null; last_mutation_id: unknown; pending: boolean }>(
    `SELECT h.version AS head,
            (SELECT coalesce(max(p.version), 0) FROM people p) AS people_version,
            c.person_id::text AS person_id,
            coalesce(c.last_mutation_id, 0) AS last_mutation_id,
            EXISTS (SELECT 1 FROM sync_rejections r WHERE r.client_id = $1::uuid AND r.mutation_id > $2) AS pending
       FROM sync_head h LEFT JOIN sync_clients c ON c.client_id = $1::uuid
      WHERE h.singleton`,
    [clientId, reported],
  );
  const row = rows[0];
  if (!row) throw new Error('The sync head row is missing; the database was not migrated');
  return {
    head: integer(row.head),
    peopleVersion: integer(row.people_version),
    boundTo: row.person_id,
    lastMutationId: integer(row.last_mutation_id),
    pendingRejections: row.pending,
  };
}

async function readRejections(db: Queryable, clientId: string, after: number, limit: number): Promise<Rejection[]> {
  const { rows } = await db.query<{ mutation_id: unknown; name: string; code: string; message: string; rejected_at: string }>(
    `SELECT mutation_id, name, code, message, to_char(rejected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS rejected_at
       FROM sync_rejections WHERE client_id = $1::uuid AND mutation_id > $2 ORDER BY mutation_id LIMIT $3`,
    [clientId, after, limit],
  );
  return rows.map((row) => ({ mutationId: integer(row.mutation_id), name: row.name, code: row.code, message: row.message, rejectedAt: row.rejected_at }));
}

/**
 * Which run this page belongs to: the cookie's run while its scope still holds; otherwise a new run to the snapshot's
 * head — incremental from the version the client holds when its scope is unchanged, a reset from nothing when not
 * (a first sync, a changed scope, or a cookie from beyond this database's head, as after a restore from backup).
 */
function chooseRun(cookie: PullCookie | null, fingerprint: string, state: SyncState): { run: PullRun; fresh: boolean } {
  const { run } = cookie ?? {};
  if (run && run.fp === fingerprint && run.to <= state.head) return { run, fresh: false };
  const holds = cookie !== null && cookie.at !== null && cookie.fp === fingerprint && cookie.at <= state.head && run === undefined;
  const from = holds ? cookie.at : null;
  return { run: { from, to: state.head, fp: fingerprint, t: 0, after: null, done: 0, total: null, lm: state.lastMutationId }, fresh: true };
}

/**
 * A pull: the rows changed since the cookie that the actor may see, dels for rows that left their sight, the client's
 * last processed mutation id and its new rejections, from one consistent snapshot (a read-only REPEATABLE READ
 * transaction). A run longer than a page continues over several pulls within the fixed version window its first page
 * chose; the client applies the pages of a run together.
 */
export async function pull(context: PullContext, request: PullRequest): Promise<PullResponse> {
  const { db, actor, now, pageRows } = context;
  const clientId = request.clientId.toLowerCase();
  const cookie = request.cookie === null ? null : decodeCookie(request.cookie, clientId);
  const reported = cookie?.rj ?? 0;

  // Most pulls follow a poke about someone else's change: when the head has not moved past the client's version and
  // nothing new was rejected, this one statement is the whole pull.
  const quick = await readState(db, clientId, reported);
  await bindClientForPull(db, clientId, actor.personId, quick.boundTo, now);
  if (cookie !== null && cookie.run === undefined && cookie.at === quick.head && !quick.pendingRejections) {
    return { cookie: encodeCookie(cookie), lastMutationId: quick.lastMutationId, reset: false, more: false, progress: { done: 0, total: 0 }, patch: [], rejections: [] };
  }

  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const state = await readState(tx, clientId, reported);
    const fingerprint = await context.scopes.fingerprint(tx, actor, state.peopleVersion);
    const { run, fresh } = chooseRun(cookie, fingerprint, state);
    const page = await readPage(tx, actor, run, { t: run.t, after: run.after }, pageRows);
    const rejections = state.pendingRejections ? await readRejections(tx, clientId, reported, pageRows) : [];
    const rejectionsLeft = rejections.length === pageRows;

    const done = run.done + page.ops.length;
    let total = run.total;
    if (total === null) total = page.finished ? done : await countRun(tx, actor, run);
    const more = !page.finished || rejectionsLeft;
    const rj = rejections.at(-1)?.mutationId ?? reported;
    const next: PullCookie = more
      ? { v: 1, c: clientId, at: cookie?.at ?? null, fp: cookie?.fp ?? null, rj, run: { ...run, t: page.position.t, after: page.position.after, done, total } }
      : { v: 1, c: clientId, at: run.to, fp: run.fp, rj };
    return {
      cookie: encodeCookie(next),
      // From the snapshot that fixed the run's window, so the patch and this number describe the same moment.
      lastMutationId: run.lm,
      reset: fresh && run.from === null,
      more,
      progress: { done, total },
      patch: page.ops,
      rejections,
    };
  });
}
