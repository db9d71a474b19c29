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
    close: () => pool.end(),
  };
}
