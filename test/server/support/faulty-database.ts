import type { Database, Queryable } from '../../../src-server/db/database';

/** An error as the pg driver reports a lost connection (SQLSTATE class 08). */
export function connectionLost(): Error {
  return Object.assign(new Error('terminating connection due to administrator command'), { code: '08006' });
}

/** A database whose every call fails with `fault()`: the server must answer 503 or 500, never hang or crash. */
export function faultyDatabase(fault: () => Error): Database {
  const failing: Queryable = {
    query: () => Promise.reject(fault()),
    exec: () => Promise.reject(fault()),
  };
  return {
    kind: 'postgres',
    ...failing,
    transaction: () => Promise.reject(fault()),
    listen: () => Promise.reject(fault()),
    close: () => Promise.resolve(),
  };
}
