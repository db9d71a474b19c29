import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database';

export interface PgOptions {
  readonly connectionString: string;
  /** Connections per API instance; many stateless instances share one PostgreSQL, so keep it modest. */
  readonly maxConnections?: number;
  /** Called when an idle pooled connection fails (database restarted); the pool replaces it. */
  readonly onIdleError?: (error: Error) => void;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters, pg uses the simple query protocol, which runs a multi-statement script.
      await client.query(sql);
    },
  };
}

/** PostgreSQL through a connection pool. The connection string may carry `options=-c search_path=…`. */
export function openPgDatabase(options: PgOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const base = queryable(pool);

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection itself failed: tell the pool to discard it rather than hand it out again.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotify, onReconnect) => listenOnOwnConnection(options, channel, onNotify, onReconnect),
    close: () => pool.end(),
  };
}

/** Seconds between attempts to re-open a lost LISTEN connection. */
const RELISTEN_DELAY_MS = 1000;

/**
 * LISTEN needs a connection of its own for as long as it listens (a pooled one would be handed to others). When it
 * fails (database restart, network), it is re-opened after a pause, for as long as the listener is wanted.
 */
async function listenOnOwnConnection(
  options: PgOptions,
  channel: string,
  onNotify: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  if (!/^[a-z0-9_]+$/.test(channel)) throw new Error('Channel names are made by the server: lower-case letters, digits and _ only');
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const connection = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: 10_000 });
    connection.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    connection.on('error', (error) => {
      options.onIdleError?.(error);
      lost(connection);
    });
    connection.on('end', () => lost(connection));
    await connection.connect();
    await connection.query(`LISTEN ${channel}`);
    client = connection;
  };
  const lost = (connection: pg.Client): void => {
    if (stopped || retry !== undefined || (client !== undefined && client !== connection)) return;
    client = undefined;
    void connection.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      open().then(
        () => onReconnect?.(),
        () => lost(connection),
      );
    }, RELISTEN_DELAY_MS);
    retry.unref();
  };

  await open();
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
