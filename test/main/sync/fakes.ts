import type { PullResponse, PushedMutation, PushRequest, PullRequest } from '../../../src-shared/sync/protocol';
import type { SyncAccount } from '../../../src-shared/sync/sync-status';
import type {
  MeReply,
  PokeHandlers,
  PokeSource,
  PullRunPort,
  SignInReply,
  PullRunOutcome,
  StoredSyncState,
  SyncStorePort,
  SyncTransport,
  TimerHandle,
  Timers,
} from '../../../src-main/sync/engine/ports';
import type { RecoveryContents } from '../../../src-main/sync/engine/recovery-file';
import type { TransportError, TransportResult } from '../../../src-main/sync/engine/transport-errors';

/**
 * Deterministic stand-ins for the sync engine's ports: virtual time, a scripted server and an in-memory store.
 * Nothing here sleeps: time moves only when a test calls `advance`.
 */

export class FakeTimers implements Timers {
  now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => void; ms: number }>();

  set(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.due.set(id, { at: this.now + ms, callback, ms });
    return id;
  }

  clear(handle: TimerHandle): void {
    this.due.delete(handle as number);
  }

  /** The delays of the timers still pending, soonest first. */
  pendingDelays(): number[] {
    return [...this.due.values()].sort((a, b) => a.at - b.at).map((timer) => timer.at - this.now);
  }

  /** Moves virtual time on, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (next === undefined || next[1].at > until) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].callback();
    }
    this.now = until;
  }
}

/** Lets queued promise callbacks run (no time passes). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export const ACCOUNT: SyncAccount = {
  serverUrl: 'https://custodian.example.gov.uk',
  personId: '0190a0a0-0000-7000-8000-000000000001',
  email: 'ada.lovelace@example.gov.uk',
  name: 'Ada Lovelace',
  roles: ['staff', 'it_service_desk'],
};

export const PASSWORD = 'correct horse battery staple';

export const TOKEN = 'cus_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

export function mutation(id: number, name = 'asset.create', args: unknown = { id: `a${String(id)}` }): PushedMutation {
  return { id, name, args, createdAt: '2026-11-23T09:30:00.000Z' };
}

/** An in-memory store: an outbox, a cookie, records keyed by table/id, and a record of every pull run. */
export class FakeStore implements SyncStorePort {
  account: SyncAccount | null = null;
  lastSyncedAt: string | null = null;
  cookie: string | null = null;
  outbox: PushedMutation[] = [];
  records = new Map<string, unknown>();
  rejections = 0;
  client = '0190a0a0-0000-7000-8000-0000000000c1';
  /** Client ids given out by clearLocalData, in order (the real store makes a new UUID each time). */
  private readonly nextClients = ['0190a0a0-0000-7000-8000-0000000000c2', '0190a0a0-0000-7000-8000-0000000000c3', '0190a0a0-0000-7000-8000-0000000000c4'];
  readonly runs: { pages: PullResponse[]; finished: boolean; aborted: boolean }[] = [];
  /** Byte size of one mutation, as pendingMutations counts it. */
  bytesPerMutation = 100;
  /** Set to make the next apply throw (a row the store cannot hold). */
  failApply: Error | null = null;

  readState(): StoredSyncState {
    return { account: this.account, lastSyncedAt: this.lastSyncedAt };
  }
  clientId(): string {
    return this.client;
  }
  pendingCount(): number {
    return this.outbox.length;
  }
  rejectionCount(): number {
    return this.rejections;
  }
  pendingMutations(afterId: number, limit: number, maxBytes: number): readonly PushedMutation[] {
    const after = this.outbox.filter((entry) => entry.id > afterId);
    const fit = Math.max(1, Math.floor(maxBytes / this.bytesPerMutation));
    return after.slice(0, Math.min(limit, fit));
  }
  beginPull(): PullRunPort {
    const run = { pages: [] as PullResponse[], finished: false, aborted: false };
    this.runs.push(run);
    return {
      cookie: this.cookie,
      apply: (page) => {
        if (this.failApply) throw this.failApply;
        run.pages.push(page);
      },
      finish: (): PullRunOutcome => {
        const last = run.pages.at(-1);
        if (last === undefined) throw new Error('finish before any page');
        if (run.pages.some((page) => page.reset)) this.records.clear();
        for (const page of run.pages) {
          for (const op of page.patch) {
            if (op.op === 'put') this.records.set(`${op.table}/${String(op.row.id)}`, op.row);
            else this.records.delete(`${op.table}/${op.id}`);
          }
        }
        this.outbox = this.outbox.filter((entry) => entry.id > last.lastMutationId);
        this.cookie = last.cookie;
        this.lastSyncedAt = '2026-11-23T09:31:00.000Z';
        const rejections = run.pages.reduce((n, page) => n + page.rejections.length, 0);
        this.rejections += rejections;
        run.finished = true;
        return { rejections, replayFailures: 0 };
      },
      abort: () => {
        run.aborted = true;
      },
    };
  }
  saveAccount(account: SyncAccount): void {
    this.account = account;
  }
  clearAccount(): void {
    this.account = null;
    this.cookie = null;
    this.lastSyncedAt = null;
  }
  hasLocalData(): boolean {
    return this.outbox.length > 0 || this.records.size > 0;
  }
  exportOutbox(): unknown {
    return { mutations: this.outbox };
  }
  clearLocalData(): void {
    this.outbox = [];
    this.records.clear();
    this.cookie = null;
    this.rejections = 0;
    this.account = null;
    this.lastSyncedAt = null;
    this.client = this.nextClients.shift() ?? 'out of client ids';
  }
}

export function page(overrides: Partial<PullResponse> = {}): PullResponse {
  return { cookie: 'c1', lastMutationId: 0, reset: false, more: false, progress: { done: 0, total: null }, patch: [], rejections: [], ...overrides };
}

export function transportError(overrides: Partial<TransportError>): TransportError {
  return { kind: 'transient', code: 'network', message: 'Custodian cannot reach the server.', status: null, retryAfterMs: null, fields: {}, ...overrides };
}

type Handler<I, O> = (input: I, signal?: AbortSignal) => TransportResult<O> | Promise<TransportResult<O>>;

/**
 * A scripted server. By default: pushes are applied (lastMutationId = the last id sent) and pulls return one page
 * confirming everything pushed so far. Tests replace `onPush` / `onPull` to fail, delay or page.
 */
export class FakeServer {
  readonly calls: string[] = [];
  readonly pushes: PushRequest[] = [];
  readonly pulls: PullRequest[] = [];
  lastProcessed = 0;
  onPush: Handler<PushRequest, { lastMutationId: number; applied: number; rejected: number; duplicates: number }> = (body) => {
    const last = body.mutations.at(-1)?.id ?? this.lastProcessed;
    const fresh = body.mutations.filter((m) => m.id > this.lastProcessed).length;
    this.lastProcessed = Math.max(this.lastProcessed, last);
    return { ok: true, value: { lastMutationId: this.lastProcessed, applied: fresh, rejected: 0, duplicates: body.mutations.length - fresh } };
  };
  onPull: Handler<PullRequest, PullResponse> = () => ({ ok: true, value: page({ cookie: `c${String(this.pulls.length)}`, lastMutationId: this.lastProcessed }) });
  /** Accepts PASSWORD for ACCOUNT's email; anything else is the server's 401. */
  onSignIn: Handler<{ email: string; password: string; clientId: string }, SignInReply> = (body) =>
    body.email === ACCOUNT.email && body.password === PASSWORD
      ? { ok: true, value: { token: TOKEN, personId: ACCOUNT.personId, mustChangePassword: false } }
      : { ok: false, error: transportError({ kind: 'auth', code: 'unauthorised', status: 401, message: 'The email address or password is not right, or the account cannot sign in' }) };
  onChangePassword: Handler<{ currentPassword: string; newPassword: string }, null> = () => ({ ok: true, value: null });
  onMe: Handler<string, MeReply> = () => ({ ok: true, value: { personId: ACCOUNT.personId, name: ACCOUNT.name, email: ACCOUNT.email, roles: ACCOUNT.roles } });
  onSignOut: Handler<string, null> = () => ({ ok: true, value: null });
  readonly signIns: { email: string; password: string; clientId: string }[] = [];
  readonly signOuts: string[] = [];

  transport(serverUrl: string): SyncTransport {
    return {
      serverUrl,
      signIn: async (body) => {
        this.calls.push(`sign-in ${body.email}`);
        this.signIns.push(body);
        return this.onSignIn(body);
      },
      changePassword: async (_token, body) => {
        this.calls.push('change password');
        return this.onChangePassword(body);
      },
      me: async (token) => {
        this.calls.push('me');
        return this.onMe(token);
      },
      signOut: async (token) => {
        this.calls.push('sign-out');
        this.signOuts.push(token);
        return this.onSignOut(token);
      },
      push: async (token, body, signal) => {
        this.calls.push(`push ${body.mutations.map((m) => m.id).join(',')}`);
        this.pushes.push(body);
        expectToken(token);
        return this.onPush(body, signal);
      },
      pull: async (token, body, signal) => {
        this.calls.push(`pull ${body.cookie ?? 'null'}`);
        this.pulls.push(body);
        expectToken(token);
        return this.onPull(body, signal);
      },
    };
  }
}

function expectToken(token: string): void {
  if (token !== TOKEN) throw new Error(`wrong token ${token}`);
}

/** A poke source the test fires by hand. */
export class FakePokes implements PokeSource {
  started = 0;
  stopped = 0;
  private handlers: PokeHandlers | null = null;

  start(_token: string, handlers: PokeHandlers): { stop(): void } {
    this.started += 1;
    this.handlers = handlers;
    return {
      stop: () => {
        this.stopped += 1;
        this.handlers = null;
      },
    };
  }

  get listening(): boolean {
    return this.handlers !== null;
  }

  poke(): void {
    this.handlers?.onPoke();
  }

  /** The stream's 401, with the server's code and message. */
  authFailure(code = 'unauthorised', message: string | null = 'Your session has ended. Sign in again.'): void {
    this.handlers?.onAuthFailure({ code, message });
  }
}

/** A promise the test resolves when it chooses (a server reply that has not arrived yet). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Recovery files as the engine and the account flows write them, kept in memory; `fail` makes the next write throw. */
export class FakeRecovery {
  readonly written: RecoveryContents[] = [];
  fail: Error | null = null;

  readonly write = (contents: RecoveryContents): string => {
    if (this.fail) throw this.fail;
    this.written.push(contents);
    return `/data/recovery/unsent-${String(this.written.length)}.json`;
  };
}
