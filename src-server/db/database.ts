/**
 * The one small storage interface the server codes against. Two adapters implement it — PostgreSQL through a
 * `pg` pool (production) and embedded PGlite (single site, development, tests) — and all SQL is written once,
 * in PostgreSQL's dialect with $1, $2… parameters. Values are always bound, never spliced into SQL text.
 */
export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows returned by a SELECT, or changed by an INSERT/UPDATE/DELETE. */
  readonly rowCount: number;
}

export interface Queryable {
  /**
   * One statement with bound parameters. `Row` is what the caller's SQL selects; the drivers do not check it,
   * so row mappers (rows.ts) normalise what the two drivers return differently (bigint, dates).
   */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws (and the
   * error is rethrown). Everything a change writes — rows, its audit event — goes through the one `tx`.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Hears NOTIFY on `channel` (a name the server made, never input: LISTEN takes no parameters). Resolves once
   * listening; the function returned stops. On PostgreSQL one dedicated connection listens and is re-opened when lost;
   * `onReconnect` is called then, because notifications sent in between were missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
