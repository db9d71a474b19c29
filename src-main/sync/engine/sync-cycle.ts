import { MAX_PUSH_BODY_BYTES, MAX_PUSH_MUTATIONS, SYNC_SCHEMA_VERSION, type PullResponse } from '../../../src-shared/sync/protocol';
import type { SyncErrorCode } from '../../../src-shared/sync/error-codes';
import type { SyncProgress } from '../../../src-shared/sync/sync-status';
import type { Exclusive, PullRunOutcome, SyncStorePort, SyncTransport } from './ports';
import { gapLastMutationId, MUTATION_GAP, unrecoverableGap } from './push-gap';
import type { TransportError } from './transport-errors';

/** The pull cookie is not one this server issued for this client (src-shared/sync/error-codes.ts). */
const BAD_COOKIE: SyncErrorCode = 'bad_cookie';

/** Room for the request's own JSON around the mutations (schemaVersion, clientId, brackets and commas). */
const ENVELOPE_ALLOWANCE_BYTES = 64 * 1024;

export interface CycleDeps {
  readonly store: SyncStorePort;
  readonly transport: SyncTransport;
  readonly token: string;
  /** The signed-in person: pending mutations are replayed as them. */
  readonly actorId: string;
  readonly exclusive: Exclusive;
  readonly signal: AbortSignal;
  /** Called as the pages of a first sync (or a reset) arrive; null once the run is over. */
  readonly onProgress: (progress: SyncProgress | null) => void;
}

export type CycleOutcome =
  | { readonly ok: true; readonly pushed: number; readonly pulled: number; readonly run: PullRunOutcome }
  /** `local`: the store refused something (a bad row in a page, a full disk): retried later, like a permanent error. */
  | { readonly ok: false; readonly error: TransportError | LocalError };

export interface LocalError {
  readonly kind: 'local';
  readonly message: string;
}

export function isLocalError(error: TransportError | LocalError): error is LocalError {
  return error.kind === 'local';
}

/** Thrown inside the gate to leave the pull run early with a transport error; never escapes runCycle. */
class PullFailed extends Error {
  constructor(readonly error: TransportError) {
    super(error.message);
  }
}

/** Resuming after a mutation_gap more often than this in one cycle means something else is wrong: stop and say so. */
const MAX_GAP_RESUMES = 3;

/**
 * After a mutation_gap: where to push from next, or the error to stop with. The server names the last id it has
 * processed; when the outbox still holds the one after it, the push resumes there (what the server already has is
 * acknowledged as duplicates). When it does not, no push can ever close the gap: stop with a clear error, the outbox
 * untouched.
 */
async function resumeAfterGap(deps: CycleDeps, error: TransportError, resumes: number): Promise<{ afterId: number } | { error: TransportError }> {
  const last = gapLastMutationId(error);
  const { next, pending } = await deps.exclusive(() =>
    Promise.resolve({ next: last === null ? undefined : deps.store.pendingMutations(last, 1, 0)[0], pending: deps.store.pendingCount() }),
  );
  const nextHeld = last !== null && next?.id === last + 1;
  if (nextHeld && resumes < MAX_GAP_RESUMES) return { afterId: last };
  return { error: unrecoverableGap(error, last, pending, nextHeld) };
}

/**
 * Pushes the whole outbox, oldest first, in batches within the protocol's count and size limits. Outbox entries stay
 * until a pull confirms them (finishPullRun), so every cycle starts again from the oldest: the server acknowledges
 * what it already has without applying it twice.
 */
async function pushOutbox(deps: CycleDeps): Promise<{ ok: true; pushed: number } | { ok: false; error: TransportError }> {
  let afterId = 0;
  let pushed = 0;
  let gapResumes = 0;
  for (;;) {
    const { batch, clientId } = await deps.exclusive(() =>
      Promise.resolve({
        batch: deps.store.pendingMutations(afterId, MAX_PUSH_MUTATIONS, MAX_PUSH_BODY_BYTES - ENVELOPE_ALLOWANCE_BYTES),
        clientId: deps.store.clientId(),
      }),
    );
    const last = batch.at(-1);
    if (last === undefined) return { ok: true, pushed };
    const reply = await deps.transport.push(deps.token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId, mutations: [...batch] }, deps.signal);
    if (!reply.ok && reply.error.code === MUTATION_GAP) {
      const resume = await resumeAfterGap(deps, reply.error, gapResumes);
      if ('error' in resume) return { ok: false, error: resume.error };
      gapResumes += 1;
      afterId = resume.afterId;
      continue;
    }
    if (!reply.ok) return reply;
    pushed += batch.length;
    // The server processed fewer than were sent: leave the rest for the next cycle, after the pull says where it is.
    if (reply.value.lastMutationId < last.id) return { ok: true, pushed };
    afterId = last.id;
  }
}

function isFirstSync(cookie: string | null, page: PullResponse): boolean {
  return cookie === null || page.reset;
}

/**
 * Pulls every page of one run inside the serial gate: no other call touches the store between the first page and
 * the commit, and the person never sees a half-applied patch.
 *
 * The next page is asked for as soon as a page arrives, before that page is applied: the server reads and sends page
 * n + 1 while the store writes page n, so a first sync of hundreds of pages keeps both machines busy instead of each
 * waiting for the other. At most one request is ahead; if applying fails, that request is cancelled.
 */
async function pullAll(deps: CycleDeps): Promise<{ ok: true; pulled: number; run: PullRunOutcome } | { ok: false; error: TransportError }> {
  try {
    return await deps.exclusive(async () => {
      const clientId = deps.store.clientId();
      const run = deps.store.beginPull(deps.actorId);
      const ahead = new AbortController();
      const signal = AbortSignal.any([deps.signal, ahead.signal]);
      const request = (cookie: string | null) => deps.transport.pull(deps.token, { schemaVersion: SYNC_SCHEMA_VERSION, clientId, cookie }, signal);
      const startCookie = run.cookie;
      let cookie = startCookie;
      let pulled = 0;
      let restarted = false;
      let showProgress = startCookie === null;
      if (showProgress) deps.onProgress({ done: 0, total: null });
      let next = request(cookie);
      try {
        for (;;) {
          const reply = await next;
          if (!reply.ok && reply.error.code === BAD_COOKIE && cookie !== null && !restarted) {
            restarted = true;
            // The server does not know our cookie (it was restored from a backup, or the cookie is damaged): start
            // again from nothing. The first page then says reset, and the store replaces what it holds.
            cookie = null;
            showProgress = true;
            deps.onProgress({ done: 0, total: null });
            next = request(cookie);
            continue;
          }
          if (!reply.ok) throw new PullFailed(reply.error);
          const page = reply.value;
          if (page.more) next = request(page.cookie);
          showProgress ||= isFirstSync(startCookie, page);
          await run.apply(page);
          pulled += page.patch.length;
          if (showProgress && page.more) deps.onProgress(page.progress);
          cookie = page.cookie;
          if (!page.more) break;
        }
        const outcome = await run.finish();
        return { ok: true as const, pulled, run: outcome };
      } catch (error) {
        // A page asked for ahead is of no use now; its reply (a value, never a rejection) is dropped.
        ahead.abort();
        run.abort();
        throw error;
      } finally {
        deps.onProgress(null);
      }
    });
  } catch (error) {
    if (error instanceof PullFailed) return { ok: false, error: error.error };
    throw error;
  }
}

/** One sync: push the outbox, then pull until the server has nothing more. */
export async function runCycle(deps: CycleDeps): Promise<CycleOutcome> {
  try {
    const push = await pushOutbox(deps);
    if (!push.ok) return push;
    const pull = await pullAll(deps);
    if (!pull.ok) return pull;
    return { ok: true, pushed: push.pushed, pulled: pull.pulled, run: pull.run };
  } catch (error) {
    return { ok: false, error: { kind: 'local', message: `Custodian could not save what the server sent: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
