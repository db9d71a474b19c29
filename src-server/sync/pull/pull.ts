import type { Actor } from '../../../src-shared/auth/actor';
import type { PullRequest, Rejection } from '../../../src-shared/sync/protocol';
import type { JsonText } from '../../http/json-text';
import type { Database, Queryable } from '../../db/database';
import { integer } from '../../db/rows';
import { bindClientForPull } from '../sync-clients';
import { decodeCookie, encodeCookie, type PullCookie, type PullRun } from './cookie';
import { countRun, readIncrementalPage, readPage, type Page } from './read-page';
import type { Scope, ScopeCache } from './scope';
import { serializePull, type WirePullResponse } from './serialize-pull';
import type { NewestVersions } from './table-newest';

export interface PullContext {
  readonly db: Database;
  readonly now: Date;
  readonly actor: Actor;
  readonly scopes: ScopeCache;
  readonly newest: NewestVersions;
  /** Operations per page (PULL_PAGE_ROWS; tests make it small). */
  readonly pageRows: number;
}

interface SyncState {
  readonly head: number;
  readonly hierarchyVersion: number;
  /** The account the client is bound to, if it has synced before. */
  readonly boundTo: string | null;
  readonly lastMutationId: number;
  readonly pendingRejections: boolean;
}

/** Everything a pull decides on, in ONE statement: one statement sees one snapshot, even outside a transaction. */
async function readState(db: Queryable, clientId: string, reported: number): Promise<SyncState> {
  const { rows } = await db.query<{ head: unknown; hierarchy: unknown; person_id: string | null; last_mutation_id: unknown; pending: boolean }>(
    `SELECT h.version AS head, h.hierarchy_version AS hierarchy, c.person_id::text AS person_id,
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
    hierarchyVersion: integer(row.hierarchy),
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
 * Whether the client's store can be brought up to date incrementally: it holds a version no newer than the head, for
 * this scope, and is not in the middle of a reset.
 */
function canContinueIncrementally(cookie: PullCookie | null, scope: Scope, head: number): cookie is PullCookie & { at: number } {
  if (cookie?.at === null || cookie === null || cookie.fp !== scope.fingerprint || cookie.at > head) return false;
  return cookie.run === undefined || (cookie.run.from !== null && cookie.run.fp === scope.fingerprint && cookie.run.to <= head);
}

/**
 * Which run a page belongs to: the cookie's run while its scope still holds; otherwise a new run to the snapshot's
 * head — incremental from the version the client holds when its scope is unchanged, a reset from nothing when not
 * (a first sync, a changed scope, or a cookie from beyond this database's head, as after a restore from backup).
 */
function chooseRun(cookie: PullCookie | null, scope: Scope, state: SyncState): { run: PullRun; fresh: boolean } {
  const { run } = cookie ?? {};
  if (run && run.fp === scope.fingerprint && run.to <= state.head) return { run, fresh: false };
  const holds = cookie !== null && cookie.at !== null && cookie.fp === scope.fingerprint && cookie.at <= state.head && run === undefined;
  const from = holds ? cookie.at : null;
  const fresh: PullRun = { from, to: state.head, fp: scope.fingerprint, t: 0, after: null, done: 0, total: null, lm: state.lastMutationId };
  return { run: fresh, fresh: true };
}

interface Outcome {
  readonly run: PullRun;
  readonly fresh: boolean;
  readonly page: Page;
  readonly total: number;
  readonly rejections: Rejection[];
}

function respond(clientId: string, cookie: PullCookie | null, reported: number, pageRows: number, outcome: Outcome): WirePullResponse {
  const { run, fresh, page, total, rejections } = outcome;
  const done = run.done + page.ops.length;
  const more = !page.finished || rejections.length === pageRows;
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
}

/**
 * The usual pull after a poke: one statement reads the page and the snapshot it belongs to. Undefined when the
 * hierarchy moved since the scope was read (the scope may be stale): the caller takes the careful path.
 */
async function incrementalPull(
  context: PullContext,
  clientId: string,
  cookie: PullCookie & { at: number },
  scope: Scope,
  state: SyncState,
  reported: number,
): Promise<Outcome | undefined> {
  const { db, actor, pageRows } = context;
  // A new run ends at the head of the state's snapshot, which also said which tables changed since the client's
  // version and what its last mutation id was: rows written later wait for the next run.
  const run: PullRun = cookie.run ?? { from: cookie.at, to: state.head, fp: scope.fingerprint, t: 0, after: null, done: 0, total: null, lm: state.lastMutationId };
  const window = { from: run.from ?? cookie.at, to: run.to };
  const newest = await context.newest.atLeast(db, state.head);
  const { page, hierarchyVersion } = await readIncrementalPage(db, actor, window, { t: run.t, after: run.after }, pageRows, scope.below, newest);
  if (scope.hierarchyVersion !== null && hierarchyVersion !== scope.hierarchyVersion) return undefined;
  // New rejections are only ever added: any read after the state's includes those it saw.
  const rejections = state.pendingRejections ? await readRejections(db, clientId, reported, pageRows) : [];
  // An incremental run that needs several pages is rare (a desktop long offline): count it then.
  const total = run.total ?? (page.finished ? run.done + page.ops.length : await countRun(db, actor, { from: run.from, to: run.to }, scope.below));
  return { run, fresh: cookie.run === undefined, page, total, rejections };
}

/** Any run, in a read-only REPEATABLE READ transaction: every statement sees the same snapshot. */
async function snapshotPull(context: PullContext, clientId: string, cookie: PullCookie | null, reported: number): Promise<Outcome> {
  const { db, actor, pageRows } = context;
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const state = await readState(tx, clientId, reported);
    let scope = await context.scopes.scopeFor(tx, actor, state.hierarchyVersion);
    // The cache may hold a newer set than this snapshot's (read by a pull that started later): read it here.
    if (scope.hierarchyVersion !== null && scope.hierarchyVersion !== state.hierarchyVersion) scope = await context.scopes.scopeFor(tx, actor, state.hierarchyVersion);
    const { run, fresh } = chooseRun(cookie, scope, state);
    const page = await readPage(tx, actor, run, { t: run.t, after: run.after }, pageRows, scope.below);
    const rejections = state.pendingRejections ? await readRejections(tx, clientId, reported, pageRows) : [];
    const total = run.total ?? (page.finished ? run.done + page.ops.length : await countRun(tx, actor, run, scope.below));
    return { run, fresh, page, total, rejections };
  });
}

/**
 * A pull (as the JSON of its response): the rows changed since the cookie that the actor may see, dels for rows that left their sight, the client's
 * last processed mutation id and its new rejections, from one consistent snapshot. A run longer than a page continues
 * over several pulls within the fixed version window its first page chose; the client applies its pages together.
 */
export async function pull(context: PullContext, request: PullRequest): Promise<JsonText> {
  const { db, actor, now, pageRows } = context;
  const clientId = request.clientId.toLowerCase();
  const cookie = request.cookie === null ? null : decodeCookie(request.cookie, clientId);
  const reported = cookie?.rj ?? 0;

  // Most pulls follow a poke about someone else's change: when the head has not moved past the client's version and
  // nothing new was rejected, this one statement is the whole pull.
  const state = await readState(db, clientId, reported);
  await bindClientForPull(db, clientId, actor.personId, state.boundTo, now);
  if (cookie !== null && cookie.run === undefined && cookie.at === state.head && !state.pendingRejections) {
    const unchanged = { cookie: encodeCookie(cookie), lastMutationId: state.lastMutationId, reset: false, more: false, progress: { done: 0, total: 0 }, patch: [], rejections: [] };
    return serializePull(unchanged);
  }
  const scope = await context.scopes.scopeFor(db, actor, state.hierarchyVersion);
  const outcome =
    (canContinueIncrementally(cookie, scope, state.head) ? await incrementalPull(context, clientId, cookie, scope, state, reported) : undefined) ??
    (await snapshotPull(context, clientId, cookie, reported));
  return serializePull(respond(clientId, cookie, reported, pageRows, outcome));
}
