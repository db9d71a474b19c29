import type { SyncAccount, SyncProgress, SyncState, SyncStatus } from '../../../src-shared/sync/sync-status';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Exclusive, PokeSource, SyncStorePort, SyncTransport, TimerHandle, Timers } from './ports';
import { isLocalError, runCycle, type CycleOutcome } from './sync-cycle';
import type { TokenVault } from './token-vault';

export const DEFAULT_POLL_INTERVAL_MS = 60_000;
/** Long enough that a burst of edits goes in one push; short enough that a change reaches others promptly. */
export const DEFAULT_DEBOUNCE_MS = 1_500;

export interface EngineLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SyncEngineOptions {
  readonly store: SyncStorePort;
  /** The bridge's serial gate: every store call, and each whole pull run, goes through it. */
  readonly exclusive: Exclusive;
  readonly vault: TokenVault;
  readonly transportFor: (serverUrl: string) => SyncTransport;
  readonly pokesFor: (serverUrl: string) => PokeSource;
  readonly timers: Timers;
  readonly random: () => number;
  readonly log: EngineLogger;
  readonly backoff?: BackoffPolicy;
  readonly pollIntervalMs?: number;
  readonly debounceMs?: number;
}

/** A signed-in account and its token. */
export interface Session {
  readonly account: SyncAccount;
  readonly token: string;
}

export interface SyncEngine {
  /** Reads the account from the store and, with a token in the vault, starts syncing. */
  start(): Promise<void>;
  /** Stops for good (the app is quitting): timers cleared, requests aborted, a pull run under way rolled back. */
  stop(): Promise<void>;
  status(): SyncStatus;
  /** Syncs now (after the one under way, if any) and answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  /** A local write committed: update the count of waiting changes and sync soon (debounced). */
  localWrite(): void;
  /** Stops syncing and waits for a cycle under way to end, before sign-in or sign-out change the store. */
  pause(): Promise<void>;
  /** Starts syncing as this session (after sign-in). */
  begin(session: Session): void;
  /** Forgets the account (after sign-out): nothing to sync. */
  forget(): void;
  /** Re-reads the counts shown in the status (waiting changes, refused changes, last sync). */
  refreshCounts(): Promise<void>;
  /** The signed-in person, for the mutations made on this desktop; null when nobody is. */
  actorId(): string | null;
  /** Resolves once no cycle is under way (nor queued behind one). */
  idle(): Promise<void>;
}

type Reason = 'start' | 'manual' | 'poke' | 'local-write' | 'timer';

/** Reasons that may cut a backoff short: the person asked, or the engine just started. */
const URGENT: ReadonlySet<Reason> = new Set(['start', 'manual']);

type Condition = Exclude<SyncState, 'syncing'>;

/**
 * The desktop's sync loop. One cycle at a time (push the outbox, then pull), started on start, after local writes
 * (debounced), on pokes, on a timer and on demand; transient failures back off exponentially with full jitter; an
 * ended sign-in or a too-old protocol stops it with the outbox kept. All time comes from the injected timers and
 * random source, so tests drive every schedule without waiting.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, exclusive, vault, timers, log } = options;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;

  let stopped = false;
  let account: SyncAccount | null = null;
  let token: string | null = null;
  let condition: Condition = 'local_only';
  let message: string | null = null;
  let pending = 0;
  let rejected = 0;
  let lastSyncedAt: string | null = null;
  let firstSync: SyncProgress | null = null;
  let running: Promise<void> | null = null;
  let rerun: Reason | null = null;
  let failures = 0;
  let next: { handle: TimerHandle; kind: 'poll' | 'retry' } | null = null;
  let debounce: TimerHandle | null = null;
  let pokes: { stop(): void } | null = null;
  let abort: AbortController | null = null;
  /** Bumped whenever the session changes or syncing pauses: a cycle from an older generation is ignored. */
  let generation = 0;

  function clearNext(): void {
    if (next !== null) timers.clear(next.handle);
    next = null;
  }

  function clearDebounce(): void {
    if (debounce !== null) timers.clear(debounce);
    debounce = null;
  }

  function schedule(kind: 'poll' | 'retry', ms: number): void {
    clearNext();
    next = {
      kind,
      handle: timers.set(() => {
        next = null;
        request('timer');
      }, ms),
    };
  }

  function stopPokes(): void {
    pokes?.stop();
    pokes = null;
  }

  function canSync(): boolean {
    return !stopped && account !== null && token !== null && condition !== 'update_required' && condition !== 'signed_out';
  }

  function request(reason: Reason): void {
    if (!canSync()) return;
    if (running !== null) {
      if (rerun === null || URGENT.has(reason)) rerun = reason;
      return;
    }
    // Offline or refused: wait for the backoff, unless the person asked or the app just started.
    if (next?.kind === 'retry' && !URGENT.has(reason)) return;
    clearNext();
    const cycle = runOnce(generation).catch((error: unknown) => {
      log.error({ error }, 'sync cycle failed unexpectedly');
    });
    running = cycle.finally(() => {
      running = null;
      const again = rerun;
      rerun = null;
      if (again !== null) request(again);
    });
  }

  function signedOut(why: string): void {
    token = null;
    vault.clear();
    stopPokes();
    clearNext();
    clearDebounce();
    condition = 'signed_out';
    message = why;
  }

  async function settle(outcome: CycleOutcome): Promise<void> {
    await refreshCounts();
    if (outcome.ok) {
      failures = 0;
      condition = 'synced';
      const { rejections, replayFailures } = outcome.run;
      message =
        rejections > 0
          ? `The server did not apply ${rejections === 1 ? '1 change' : `${String(rejections)} changes`}: see “Changes not applied”.`
          : replayFailures > 0
            ? `${replayFailures === 1 ? '1 waiting change no longer applies' : `${String(replayFailures)} waiting changes no longer apply`} to the latest records; the server will decide.`
            : null;
      schedule('poll', pollIntervalMs);
      return;
    }
    const { error } = outcome;
    // Being offline is normal for a desktop: logged as information, not as an error.
    const details = { kind: error.kind, code: isLocalError(error) ? 'local' : error.code };
    if (error.kind === 'transient') log.info(details, 'sync could not reach the server');
    else log.error(details, `sync failed: ${error.message}`);
    if (!isLocalError(error) && error.kind === 'auth') {
      signedOut(`${error.message} Your ${pending === 1 ? 'change is' : 'changes are'} kept and will be sent after you sign in.`);
      return;
    }
    if (!isLocalError(error) && error.kind === 'too_old') {
      stopPokes();
      clearNext();
      condition = 'update_required';
      message = error.message;
      return;
    }
    condition = !isLocalError(error) && error.kind === 'transient' && error.status === null ? 'offline' : 'error';
    message = error.message;
    const retryAfter = isLocalError(error) ? null : error.retryAfterMs;
    schedule('retry', backoffDelay(failures, policy, options.random, retryAfter));
    failures += 1;
  }

  async function runOnce(gen: number): Promise<void> {
    const session = account !== null && token !== null ? { account, token } : null;
    if (session === null) return;
    clearDebounce();
    const controller = new AbortController();
    abort = controller;
    let outcome: CycleOutcome;
    try {
      outcome = await runCycle({
        store,
        transport: options.transportFor(session.account.serverUrl),
        token: session.token,
        actorId: session.account.personId,
        exclusive,
        signal: controller.signal,
        onProgress: (progress) => {
          if (gen === generation) firstSync = progress;
        },
      });
    } finally {
      if (abort === controller) abort = null;
    }
    // Paused, stopped or signed in as someone else meanwhile: this cycle's news is stale.
    if (gen !== generation || stopped) return;
    await settle(outcome);
  }

  async function refreshCounts(): Promise<void> {
    try {
      const counts = await exclusive(() =>
        Promise.resolve({ pending: store.pendingCount(), rejected: store.rejectionCount(), lastSyncedAt: store.readState().lastSyncedAt }),
      );
      ({ pending, rejected, lastSyncedAt } = counts);
    } catch (error) {
      if (!stopped) log.error({ error }, 'could not read the sync counts');
    }
  }

  function startPokes(session: Session): void {
    stopPokes();
    const gen = generation;
    pokes = options.pokesFor(session.account.serverUrl).start(session.token, {
      onPoke: () => {
        if (gen === generation) request('poke');
      },
      onAuthFailure: () => {
        if (gen === generation && !stopped) signedOut('Your sign-in to the server has ended. Sign in again to carry on syncing.');
      },
    });
  }

  async function pause(): Promise<void> {
    generation += 1;
    stopPokes();
    clearNext();
    clearDebounce();
    rerun = null;
    abort?.abort();
    firstSync = null;
    await running?.catch(() => undefined);
  }

  function begin(session: Session): void {
    generation += 1;
    account = session.account;
    token = session.token;
    condition = 'synced';
    message = null;
    failures = 0;
    if (stopped) return;
    startPokes(session);
    request('start');
  }

  async function idle(): Promise<void> {
    // A cycle that ends may start the one queued behind it before this wakes up: look again until none runs.
    while (running !== null) await running;
  }

  function status(): SyncStatus {
    const syncing = running !== null && condition !== 'offline';
    return {
      state: syncing ? 'syncing' : condition,
      pending,
      rejected,
      lastSyncedAt,
      firstSync: running !== null ? firstSync : null,
      message,
      notice: account === null ? null : vault.notice(),
      account,
    };
  }

  return {
    async start() {
      const state = await exclusive(() => Promise.resolve(store.readState()));
      account = state.account;
      await refreshCounts();
      if (account === null) {
        condition = 'local_only';
        return;
      }
      const saved = vault.load();
      if (saved === null) {
        condition = 'signed_out';
        message = 'Sign in again to carry on syncing.';
        return;
      }
      begin({ account, token: saved });
    },
    async stop() {
      stopped = true;
      await pause();
    },
    status,
    async syncNow() {
      // Signed out or update required: nothing will run, so make sure the waiting count includes a change made just now.
      if (!canSync()) await refreshCounts();
      request('manual');
      await idle();
      return status();
    },
    idle,
    localWrite() {
      void refreshCounts();
      if (!canSync()) return;
      clearDebounce();
      debounce = timers.set(() => {
        debounce = null;
        request('local-write');
      }, debounceMs);
    },
    pause,
    begin,
    forget() {
      generation += 1;
      account = null;
      token = null;
      condition = 'local_only';
      message = null;
      lastSyncedAt = null;
    },
    refreshCounts,
    actorId: () => account?.personId ?? null,
  };
}
