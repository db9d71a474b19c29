import { ACCOUNT_DISABLED } from '../../../src-shared/auth/auth-error-codes';
import type { SignedOutReason, SyncAccount, SyncProgress, SyncState, SyncStatus } from '../../../src-shared/sync/sync-status';
import { ACCOUNT_DISABLED_MESSAGE, removeAccountData } from './account-disabled';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { mismatchMessage, renewClientId } from './client-renewal';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_POLL_INTERVAL_MS, type Session, type SyncEngine, type SyncEngineOptions } from './engine-api';
import { reactionTo } from './failure-reaction';
import { createPokeJitter, DEFAULT_POKE_JITTER_MS } from './poke-jitter';
import type { TimerHandle } from './ports';
import { isLocalError, runCycle, type CycleOutcome } from './sync-cycle';

export { DEFAULT_DEBOUNCE_MS, DEFAULT_POLL_INTERVAL_MS, type EngineLogger, type Session, type SyncEngine, type SyncEngineOptions } from './engine-api';

type Reason = 'start' | 'manual' | 'poke' | 'local-write' | 'timer';

/** Reasons that may cut a backoff short: the person asked, or the engine just started. */
const URGENT: ReadonlySet<Reason> = new Set(['start', 'manual']);

type Condition = Exclude<SyncState, 'syncing'>;

const SIGN_IN_ENDED = 'Your sign-in to the server has ended. Sign in again to carry on syncing.';

/**
 * The desktop's sync loop. One cycle at a time (push the outbox, then pull), started on start, after local writes
 * (debounced), on pokes (after a short random pause), on a timer and on demand; transient failures back off
 * exponentially with full jitter; an ended sign-in or a too-old protocol stops it with the outbox kept; a disabled
 * account stops it with the outbox exported and the account's data removed. All time comes from the injected timers
 * and random source, so tests drive every schedule without waiting.
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
  let reason: SignedOutReason | null = null;
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
  /** This session already took a new client id once (client-renewal.ts): a second mismatch is not answered the same way. */
  let renewedClient = false;
  /** A disabled account's data being removed: a poke and a cycle may both report it. */
  let removing: Promise<void> | null = null;
  const pokeJitter = createPokeJitter({ timers, random: options.random, maxMs: options.pokeJitterMs ?? DEFAULT_POKE_JITTER_MS }, () => {
    request('poke');
  });

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
    pokeJitter.cancel();
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

  function stopSyncing(): void {
    token = null;
    stopPokes();
    clearNext();
    clearDebounce();
  }

  function signedOut(why: string): void {
    stopSyncing();
    vault.clear();
    condition = 'signed_out';
    reason = 'session_ended';
    message = why;
  }

  /**
   * The account has been disabled: its data leaves this computer (account-disabled.ts) and the desktop is signed out
   * saying why. If that fails the token stays in the vault, so the next start hears "disabled" again and tries again.
   */
  async function removeDisabledAccount(why: string): Promise<void> {
    generation += 1;
    abort?.abort();
    stopSyncing();
    condition = 'signed_out';
    reason = 'account_disabled';
    message = why;
    const outcome = await removeAccountData({ store, exclusive, writeRecovery: options.writeRecovery, log }, why);
    message = outcome.message;
    if (outcome.removed) {
      vault.clear();
      account = null;
    }
    await refreshCounts();
  }

  function accountDisabled(why: string): Promise<void> {
    removing ??= removeDisabledAccount(why).finally(() => {
      removing = null;
    });
    return removing;
  }

  /** client_mismatch: a new client id when nothing waits to be sent, then sync again at once (client-renewal.ts). */
  async function renewClient(): Promise<boolean> {
    const bound = account;
    if (bound === null || renewedClient) return false;
    let renewed: boolean;
    try {
      renewed = await exclusive(() => Promise.resolve(renewClientId(store, bound)));
    } catch (error) {
      log.error({ error }, 'could not take a new client id');
      return false;
    }
    if (!renewed) return false;
    renewedClient = true;
    log.info({}, 'this installation took a new client id: the server has the old one bound to another account');
    await refreshCounts();
    // This cycle is still running: the request becomes the cycle queued behind it.
    request('start');
    return true;
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
    const reaction = reactionTo(error);
    if (reaction === 'remove_account') {
      await accountDisabled(error.message);
      return;
    }
    if (reaction === 'sign_out') {
      signedOut(`${error.message} Your ${pending === 1 ? 'change is' : 'changes are'} kept and will be sent after you sign in.`);
      return;
    }
    if (reaction === 'update_required') {
      stopPokes();
      clearNext();
      condition = 'update_required';
      message = error.message;
      return;
    }
    if (reaction === 'renew_client' && (await renewClient())) return;
    condition = !isLocalError(error) && error.kind === 'transient' && error.status === null ? 'offline' : 'error';
    message = reaction === 'renew_client' ? mismatchMessage(account?.email ?? 'this account', pending) : error.message;
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
        if (gen === generation) pokeJitter.trigger();
      },
      onAuthFailure: (failure) => {
        if (gen !== generation || stopped) return;
        if (failure.code !== ACCOUNT_DISABLED) {
          signedOut(SIGN_IN_ENDED);
          return;
        }
        accountDisabled(failure.message ?? ACCOUNT_DISABLED_MESSAGE).catch((error: unknown) => {
          log.error({ error }, 'could not remove a disabled account’s data');
        });
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
    // A disabled account's data still being removed: whoever paused (sign-in, sign-out) changes the store after it.
    await removing;
  }

  function begin(session: Session): void {
    generation += 1;
    account = session.account;
    token = session.token;
    condition = 'synced';
    message = null;
    reason = null;
    failures = 0;
    renewedClient = false;
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
      reason: condition === 'signed_out' ? reason : null,
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
        reason = 'session_ended';
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
      reason = null;
      lastSyncedAt = null;
    },
    refreshCounts,
    actorId: () => account?.personId ?? null,
  };
}
