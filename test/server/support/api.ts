import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { PasswordHashing } from '../../../src-server/auth/password';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../../../src-server/config/server-config';
import { CENTRAL_MIGRATIONS } from '../../../src-server/db/central-migrations';
import type { Database } from '../../../src-server/db/database';
import { migrate } from '../../../src-server/db/migrate';
import { createApi } from '../../../src-server/http/app';
import { createLogger } from '../../../src-server/log/logger';
import type { SyncOptions } from '../../../src-server/sync/sync-runtime';
import { TestClock } from './clock';
import { contractFor } from './openapi-contract';

/** Cheap argon2id for tests only, passed explicitly; production code never falls back to it. */
export const TEST_PASSWORD_HASHING: PasswordHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const TEST_CONFIG: ServerConfig = { ...DEFAULT_SERVER_CONFIG, passwordHashing: TEST_PASSWORD_HASHING };

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly body: string;
  /** The parsed JSON body (every response of this API is JSON). */
  readonly json: { ok?: boolean; value?: unknown; error?: { code: string; message: string; fields: Record<string, string> } } & Record<string, unknown>;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is (for malformed JSON and the like); overrides `body`. */
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApi {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly clock: TestClock;
  /** Every log line the API wrote, as text (to check nothing secret or personal is logged). */
  readonly logLines: string[];
  /** "GET /api/v1/people/{personId} 404" for every response checked against the OpenAPI document so far. */
  readonly contractSeen: ReadonlySet<string>;
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, options?: CallOptions): Promise<Reply>;
  get(url: string, token?: string): Promise<Reply>;
  /**
   * GETs an event-stream route: an error answers as JSON (contract-checked like any reply); a 200 returns the open
   * stream (checked to be documented as text/event-stream). Destroy the stream when done.
   */
  stream(url: string, token?: string): Promise<Reply | { readonly status: 200; readonly stream: Readable }>;
  post(url: string, body?: unknown, token?: string): Promise<Reply>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The API in-process (Fastify inject: no port), over a migrated test database, with a test clock and a log
 * collector. Every response is checked against the OpenAPI document as it arrives, so each test is also a
 * contract test of the routes it touches.
 */
export async function startTestApi(db: Database, config: ServerConfig = TEST_CONFIG, sync?: SyncOptions): Promise<TestApi> {
  const clock = new TestClock();
  await migrate(db, CENTRAL_MIGRATIONS, clock.now());
  const logLines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => logLines.push(line) } });
  const app = createApi({ db, clock: clock.now, config, migrations: CENTRAL_MIGRATIONS, version: '0.0.0-test', ...(sync ? { sync } : {}) }, logger);
  await app.ready();
  const contract = await contractFor(app);

  async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    const reply: Reply = { status: response.statusCode, headers: response.headers, body: response.body, json: response.json() };
    contract.check(method, url, reply.status, reply.json);
    return reply;
  }

  return {
    app,
    db,
    clock,
    logLines,
    contractSeen: contract.seen,
    call,
    get: (url, token) => call('GET', url, token === undefined ? {} : { token }),
    async stream(url, token) {
      const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
      const response = await app.inject({ method: 'GET', url, headers, payloadAsStream: true });
      const stream = response.stream();
      if (response.statusCode === 200) {
        contract.checkEventStream('GET', url, String(response.headers['content-type']));
        return { status: 200 as const, stream };
      }
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
      const body = Buffer.concat(chunks).toString('utf8');
      const reply: Reply = { status: response.statusCode, headers: response.headers, body, json: JSON.parse(body) as Reply['json'] };
      contract.check('GET', url, reply.status, reply.json);
      return reply;
    },
    post: (url, body, token) => call('POST', url, { ...(body === undefined ? {} : { body }), ...(token === undefined ? {} : { token }) }),
    async signIn(email, password) {
      const reply = await call('POST', '/api/v1/auth/sign-in', { body: { email, password } });
      expect(reply.status, reply.body).toBe(200);
      return (reply.json.value as { token: string }).token;
    },
    close: () => app.close(),
  };
}

/** A logger that discards everything, for tests that do not look at logs. */
export const silentLogger = pino({ level: 'silent' });
