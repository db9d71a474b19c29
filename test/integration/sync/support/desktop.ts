import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppServices, type AppServices } from '../../../../src-main/bridge/app-services';
import type { Timers, TimerHandle } from '../../../../src-main/sync/engine/ports';
import { createMemoryVault, type TokenVault } from '../../../../src-main/sync/engine/token-vault';
import { STORE_FILE_NAME } from '../../../../src-main/store/open-store';
import type { Method } from '../../../../src-shared/api/handlers';
import type { Role } from '../../../../src-shared/domain/roles';
import { JSON_FIELDS, TABLE_COLUMNS } from '../../../../src-shared/domain/tables';
import type { Result } from '../../../../src-shared/result';
import { SYNC_PATHS, SYNCED_TABLES, type PatchOperation, type PullResponse, type PushRequest, type PushResponse, type SyncedTable } from '../../../../src-shared/sync/protocol';
import type { SignInResult, SyncRejection, SyncStatus } from '../../../../src-shared/sync/sync-status';
import { PASSWORD } from './central';

/** The synced tables as a store holds them, in domain form (TABLE_COLUMNS fields, roles as arrays), rows by id. */
export type Snapshot = { readonly [T in SyncedTable]: readonly Readonly<Record<string, unknown>>[] };

export function emptySnapshot(): { [T in SyncedTable]: Record<string, unknown>[] } {
  return {
    people: [],
    assets: [],
    asset_events: [],
    aup_acknowledgements: [],
    security_incidents: [],
    loss_reports: [],
    phone_suspensions: [],
    incident_events: [],
    country_policy_versions: [],
    country_policy_rules: [],
    trips: [],
    trip_legs: [],
    trip_devices: [],
    trip_events: [],
    travel_notices: [],
  };
}

export function byId(rows: readonly Readonly<Record<string, unknown>>[]): Readonly<Record<string, unknown>>[] {
  return [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

export function idsOf(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  return rows.map((row) => String(row.id)).sort();
}

/** A person with an account on the central API. The one-time password is exchanged at the first sign-in. */
export interface Account {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  oneTimePassword: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day the desktops' clocks show: yesterday (UTC) by the real clock, read once per run. The server processes run on
 * the real clock and accept a change's own time only within the last 30 days (src-server/sync/push/mutation-time.ts),
 * so a fixed date would stop working a month after it was written; yesterday keeps every desktop time in the recent
 * past, never ahead of the server (which would replace it with its own). Nothing waits on this clock.
 */
export const DESKTOP_DAY = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);

/** A time on DESKTOP_DAY ("09:30" → "2026-11-22T09:30:00.000Z"). */
export function desktopTime(hoursMinutes: string): string {
  return `${DESKTOP_DAY}T${hoursMinutes}:00.000Z`;
}

/** The calendar date `days` before DESKTOP_DAY. */
export function daysBeforeDesktopDay(days: number): string {
  return new Date(Date.parse(`${DESKTOP_DAY}T00:00:00.000Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Timers the engine may set but that never fire by themselves: the debounce after a local write, the minute's poll,
 * backoff retries, poke reconnects and the short pause before a poke's pull all wait until a test says so. Every
 * sync in these tests is one the test asked for ("Sync now") or one a poke started (its pause fired by the test), so
 * nothing depends on how long anything takes.
 */
export class HeldTimers implements Timers {
  private nextId = 1;
  readonly held = new Map<number, { ms: number; callback: () => void }>();
  private waiting: { test: (ms: number) => boolean; resolve: (id: number) => void }[] = [];

  set(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.held.set(id, { ms, callback });
    const waiter = this.waiting.find((w) => w.test(ms));
    if (waiter) {
      this.waiting.splice(this.waiting.indexOf(waiter), 1);
      waiter.resolve(id);
    }
    return id;
  }

  /** Fires the first timer whose delay passes `test`, held now or set later (the pause before a poke's pull). */
  async fireNext(test: (ms: number) => boolean): Promise<void> {
    const found = [...this.held].find(([, timer]) => test(timer.ms))?.[0];
    const id = found ?? (await new Promise<number>((resolve) => this.waiting.push({ test, resolve })));
    const timer = this.held.get(id);
    this.held.delete(id);
    timer?.callback();
  }

  clear(handle: TimerHandle): void {
    this.held.delete(handle as number);
  }
}

/** A desktop clock that moves one second per reading from `start`: client clocks are shown, never used to order. */
export function steppingClock(start: string): () => Date {
  let at = Date.parse(start);
  return () => {
    const now = new Date(at);
    at += 1000;
    return now;
  };
}

type SyncPath = 'push' | 'pull';

/** One push or pull as it crossed the wire: the request body, the status and the reply's value (or error). */
export interface Exchange {
  readonly path: SyncPath;
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
  readonly value: unknown;
  readonly error: { code: string; message: string } | undefined;
}

export function pushOf(exchange: Exchange): { request: PushRequest; reply: PushResponse | undefined } {
  return { request: exchange.body as unknown as PushRequest, reply: exchange.status === 200 ? (exchange.value as PushResponse) : undefined };
}

export function pullOf(exchange: Exchange): PullResponse | undefined {
  return exchange.status === 200 ? (exchange.value as PullResponse) : undefined;
}

type Fault =
  /** The request reaches the server and is processed; its reply is lost on the way back (a network error). */
  | { readonly kind: 'drop-reply'; readonly path: SyncPath }
  /** The same request is sent twice at once, the copy to `alsoTo` (another instance, or the same one). */
  | { readonly kind: 'duplicate'; readonly path: SyncPath; readonly alsoTo: string }
  /** The request body is changed before it is sent (a forged client id, a gap, another schema version). */
  | { readonly kind: 'tamper'; readonly path: SyncPath; readonly edit: (body: Record<string, unknown>) => Record<string, unknown> };

/**
 * The desktop's network, between its HTTP transport and the real server: it can be switched off (offline), records
 * every push and pull, and injects one-shot faults. Poke streams are refused unless allowed, so a desktop only
 * syncs when its test says so (a refused stream is retried on a held timer, which never fires).
 */
export class Network {
  online = true;
  allowPokes = false;
  readonly exchanges: Exchange[] = [];
  private faults: Fault[] = [];
  private waiters: { test: (exchange: Exchange) => boolean; resolve: (exchange: Exchange) => void }[] = [];
  private pokeOpened: (() => void) | null = null;

  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Resolves with the first exchange from now on that passes `test`. */
  next(test: (exchange: Exchange) => boolean): Promise<Exchange> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Resolves when a poke stream has been accepted by the server. */
  pokeStreamOpen(): Promise<void> {
    return new Promise((resolve) => (this.pokeOpened = resolve));
  }

  pushes(): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.path === 'push');
  }

  pulls(): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.path === 'pull');
  }

  private takeFault(path: SyncPath): Fault | undefined {
    const index = this.faults.findIndex((fault) => fault.path === path);
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }

  private record(exchange: Exchange): void {
    this.exchanges.push(exchange);
    for (const waiter of [...this.waiters]) {
      if (!waiter.test(exchange)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(exchange);
    }
  }

  private async send(url: string, path: SyncPath, init: RequestInit, body: Record<string, unknown>): Promise<{ response: Response; text: string }> {
    const response = await fetch(url, { ...init, body: JSON.stringify(body) });
    const text = await response.text();
    let json: { value?: unknown; error?: { code: string; message: string } } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // Recorded with neither value nor error.
    }
    this.record({ path, url, body, status: response.status, value: json.value, error: json.error });
    return { response, text };
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (!this.online) throw new TypeError('fetch failed: this desktop is offline');
    const { pathname } = new URL(url);
    if (pathname === SYNC_PATHS.poke) {
      if (!this.allowPokes) return new Response(JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'pokes are off in this test' } }), { status: 503 });
      const response = await fetch(input, init);
      if (response.ok) this.pokeOpened?.();
      return response;
    }
    const path: SyncPath | undefined = pathname === SYNC_PATHS.push ? 'push' : pathname === SYNC_PATHS.pull ? 'pull' : undefined;
    if (path === undefined) return fetch(input, init);
    // The transport always sends its body as a JSON string.
    if (typeof init?.body !== 'string') throw new TypeError(`${pathname}: expected a JSON body`);
    let body = JSON.parse(init.body) as Record<string, unknown>;
    const fault = this.takeFault(path);
    if (fault?.kind === 'tamper') body = fault.edit(structuredClone(body));
    if (fault?.kind === 'duplicate') {
      const copyUrl = `${fault.alsoTo}${pathname}`;
      const [first] = await Promise.all([this.send(url, path, init, body), this.send(copyUrl, path, init, body)]);
      return new Response(first.text, { status: first.response.status, headers: first.response.headers });
    }
    const { response, text } = await this.send(url, path, init, body);
    if (fault?.kind === 'drop-reply') throw new TypeError('fetch failed: the connection was reset before the reply arrived');
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

export interface DesktopOptions {
  /** For failure messages. */
  readonly name: string;
  readonly serverUrl: string;
  /** Where this desktop's clock starts (ISO 8601). */
  readonly clockStart?: string;
}

const quietLog = (errors: string[]) => ({
  info: () => undefined,
  error: (_details: object, message: string) => {
    errors.push(message);
  },
});

/**
 * A desktop as the app wires it (openAppServices: the handler table, the serial gate, the sync engine with its real
 * HTTP transport, poke listener and account flows) over a real better-sqlite3 store in a temporary data directory.
 * Only its network (fetch), its timers and its clock are the test's.
 */
export class Desktop {
  readonly net = new Network();
  readonly timers = new HeldTimers();
  readonly vault: TokenVault = createMemoryVault();
  /** Messages the app logged as errors (sync failures it was told about, handlers that failed). */
  readonly errors: string[] = [];
  readonly dataDir: string;
  readonly serverUrl: string;
  readonly name: string;
  private readonly clock: () => Date;
  private services: AppServices;
  private closed = false;

  constructor(options: DesktopOptions) {
    this.name = options.name;
    this.serverUrl = options.serverUrl;
    this.dataDir = mkdtempSync(join(tmpdir(), 'custodian-sync-desktop-'));
    this.clock = steppingClock(options.clockStart ?? desktopTime('09:30'));
    this.services = this.openServices();
  }

  private openServices(): AppServices {
    return openAppServices({
      dataDir: this.dataDir,
      shell: 'web',
      version: 'integration-test',
      tokenVault: this.vault,
      clock: this.clock,
      fetch: this.net.fetch,
      timers: this.timers,
      random: () => 0.5,
      log: quietLog(this.errors),
    });
  }

  /** Any handler-table call; the Result as the renderer would get it. */
  attempt(method: Method, input: unknown = {}): Promise<Result<unknown>> {
    return this.services.dispatch(method, input);
  }

  /** A handler-table call that must succeed. */
  async call<T = unknown>(method: Method, input: unknown = {}): Promise<T> {
    const result = await this.services.dispatch(method, input);
    if (!result.ok) throw new Error(`${this.name}: ${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  /** Signs in through the Sync page's call (exchanging a one-time password on first use). */
  async signIn(account: Account): Promise<SignInResult> {
    const oneTime = account.oneTimePassword;
    const input =
      oneTime === null
        ? { serverUrl: this.serverUrl, email: account.email, password: PASSWORD }
        : { serverUrl: this.serverUrl, email: account.email, password: oneTime, newPassword: PASSWORD };
    const result = await this.call<SignInResult>('sync.signIn', input);
    account.oneTimePassword = null;
    return result;
  }

  /** "Sync now": runs a sync (after one under way) and answers the status after it. */
  syncNow(): Promise<SyncStatus> {
    return this.call<SyncStatus>('sync.now');
  }

  status(): SyncStatus {
    return this.services.sync.status();
  }

  rejections(): Promise<SyncRejection[]> {
    return this.call<SyncRejection[]>('sync.rejections');
  }

  /**
   * Waits behind the serial gate: a pull run holds it from its first page to its commit, so once this returns a run
   * that had started (a poke's, say) has committed.
   */
  async settled(): Promise<void> {
    await this.call('sync.rejections');
  }

  /** The session token the desktop holds (null once signed out). */
  token(): string | null {
    return this.vault.load();
  }

  private read<T>(work: (db: Database.Database) => T): T {
    const db = new Database(join(this.dataDir, STORE_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  }

  /** The synced tables in domain form, read from the store's file (call when no sync is under way). */
  snapshot(): Snapshot {
    return this.read((db) => {
      const out = emptySnapshot();
      for (const table of SYNCED_TABLES) {
        const columns: Readonly<Record<string, string>> = TABLE_COLUMNS[table];
        const json = new Set<string>((JSON_FIELDS[table] ?? []) as readonly string[]);
        const select = Object.entries(columns)
          .map(([field, column]) => `${column} AS "${field}"`)
          .join(', ');
        const rows = db.prepare(`SELECT ${select} FROM ${table}`).all() as Record<string, unknown>[];
        for (const row of rows) for (const field of json) row[field] = JSON.parse(String(row[field])) as unknown;
        out[table] = byId(rows);
      }
      return out;
    });
  }

  /** The outbox: unsent changes, oldest first. */
  outbox(): { id: number; name: string; args: unknown }[] {
    return this.read((db) =>
      (db.prepare('SELECT mutation_id AS id, name, args FROM outbox ORDER BY mutation_id').all() as { id: number; name: string; args: string }[]).map((row) => ({
        ...row,
        args: JSON.parse(row.args) as unknown,
      })),
    );
  }

  clientId(): string {
    return this.read((db) => (db.prepare('SELECT client_id AS id FROM installation').get() as { id: string }).id);
  }

  /**
   * Quits the app and starts it again on the same data directory, with the same saved sign-in and network. With
   * `untilSyncing`, resolves once the engine's start-up sync has reached the server (a signed-in desktop syncs on start).
   */
  async restart({ untilSyncing = false }: { untilSyncing?: boolean } = {}): Promise<void> {
    const reached = this.net.next(() => true);
    this.services.close();
    this.services = this.openServices();
    if (untilSyncing) await reached;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.services.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function stable(row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Rows of `snapshot` that are not in `other`, or differ, by table: for readable failures. */
export function rowsOnlyIn(snapshot: Snapshot, other: Snapshot): Partial<Record<SyncedTable, unknown[]>> {
  const out: Partial<Record<SyncedTable, unknown[]>> = {};
  for (const table of SYNCED_TABLES) {
    const theirs = new Map(other[table].map((row) => [String(row.id), stable(row)]));
    const extra = snapshot[table].filter((row) => theirs.get(String(row.id)) !== stable(row));
    if (extra.length > 0) out[table] = extra;
  }
  return out;
}

export function putsOf(patch: readonly PatchOperation[]): { table: SyncedTable; row: Readonly<Record<string, unknown>> }[] {
  return patch.flatMap((op) => (op.op === 'put' ? [{ table: op.table, row: op.row }] : []));
}
