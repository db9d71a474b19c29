import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Role } from '../../src-shared/domain/roles';
import { newId } from '../../src-shared/ids';
import { createSession } from '../auth/sessions';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../config/server-config';
import { CENTRAL_MIGRATIONS } from '../db/central-migrations';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPgDatabase } from '../db/pg-database';
import { openMemoryPgliteDatabase } from '../db/pglite-database';
import { createApi } from '../http/app';
import { createLogger, type Logger } from '../log/logger';
import { nextSyncVersion } from '../sync/sync-head';
import type { SyncOptions } from '../sync/sync-runtime';
import { systemClock, type Clock } from '../time/clock';

/**
 * The central API in this process, listening on a free loopback port, over a fresh database: in-memory PGlite, or a
 * schema of its own on the PostgreSQL at `databaseUrl` (dropped again on close). For benchmarks and integration tests
 * that need real HTTP (Node's fetch, several instances on one database); never for serving real data.
 */
export interface InProcessServerOptions {
  /** PostgreSQL to use: a new schema is made in it. Omitted: in-memory PGlite. */
  readonly databaseUrl?: string;
  /** An already migrated database to serve instead (two instances on one PostgreSQL share one). */
  readonly db?: Database;
  readonly clock?: Clock;
  readonly config?: ServerConfig;
  readonly sync?: SyncOptions;
  readonly logger?: Logger;
  /** Pool size per instance on PostgreSQL. */
  readonly maxConnections?: number;
}

export interface HarnessAccount {
  readonly personId: string;
  /** A session token for the account (it has no usable password: it signs in only through the harness). */
  readonly token: string;
}

export interface NewPerson {
  readonly id?: string;
  readonly name?: string;
  readonly lineManagerId?: string | null;
  readonly roles: readonly Role[];
}

export interface InProcessServer {
  /** http://127.0.0.1:port */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly db: Database;
  /** For PostgreSQL: a connection string to this server's schema (to start another instance on it). */
  readonly databaseUrl: string | null;
  /** Adds a person (a versioned write, as any writer of people must make) with an account, and opens a session. */
  addAccount(person: NewPerson): Promise<HarnessAccount>;
  /** Opens a session for an existing person (adding an account for them if they have none). */
  sessionFor(personId: string): Promise<string>;
  close(): Promise<void>;
}

/** A placeholder that satisfies the accounts table's argon2id check but matches no password. */
const NO_PASSWORD = '$argon2id$v=19$m=65536,t=3,p=1$bm8tcGFzc3dvcmQ$aW4tcHJvY2Vzcy1oYXJuZXNzLWFjY291bnQ';

async function scratchSchema(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `sync_harness_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { url: scoped.toString(), drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

export async function startInProcessServer(options: InProcessServerOptions = {}): Promise<InProcessServer> {
  const clock = options.clock ?? systemClock;
  const config = options.config ?? DEFAULT_SERVER_CONFIG;
  let db = options.db;
  let databaseUrl: string | null = null;
  let cleanup = (): Promise<void> => Promise.resolve();
  if (db === undefined) {
    if (options.databaseUrl !== undefined) {
      const scratch = await scratchSchema(options.databaseUrl);
      databaseUrl = scratch.url;
      const opened = openPgDatabase({ connectionString: scratch.url, maxConnections: options.maxConnections ?? 10 });
      db = opened;
      cleanup = async () => {
        await opened.close();
        await scratch.drop();
      };
    } else {
      const opened = await openMemoryPgliteDatabase();
      db = opened;
      cleanup = () => opened.close();
    }
    await migrate(db, CENTRAL_MIGRATIONS, clock());
  }
  const database = db;
  const logger = options.logger ?? createLogger({ level: 'warn', destination: { write: () => undefined } });
  const app = createApi({ db: database, clock, config, migrations: CENTRAL_MIGRATIONS, version: 'in-process', ...(options.sync ? { sync: options.sync } : {}) }, logger);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const sessionFor = async (personId: string): Promise<string> =>
    database.transaction(async (tx) => {
      const now = clock();
      await tx.query(
        `INSERT INTO accounts (person_id, password_hash, must_change_password, created_at, updated_at, password_changed_at)
         VALUES ($1, $2, false, $3, $3, $3) ON CONFLICT (person_id) DO NOTHING`,
        [personId, NO_PASSWORD, now.toISOString()],
      );
      return (await createSession(tx, config.sessions, { personId, clientId: null, now })).token;
    });

  return {
    url: `http://127.0.0.1:${String(port)}`,
    app,
    db: database,
    databaseUrl,
    async addAccount(person) {
      const id = person.id ?? newId();
      const at = clock().toISOString();
      await database.transaction(async (tx) => {
        const version = await nextSyncVersion(tx);
        const tag = id.replaceAll('-', '').slice(-12).toUpperCase();
        await tx.query(
          `INSERT INTO people (id, staff_number, name, email, line_manager_id, roles, status, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::text[], 'active', $7, $7, $8)`,
          [id, `H-${tag}`, person.name ?? `Harness ${tag}`, `harness.${tag.toLowerCase()}@example.gov.uk`, person.lineManagerId ?? null, ['staff', ...person.roles.filter((r) => r !== 'staff')], at, version],
        );
      });
      return { personId: id, token: await sessionFor(id) };
    },
    sessionFor,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}
