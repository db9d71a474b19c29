/**
 * Classifies errors from either driver. PostgreSQL reports a five-character SQLSTATE in `code` (both pg and PGlite
 * pass it through); Node reports socket failures with codes like ECONNREFUSED.
 */
interface CodedError {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
}

function sqlState(error: unknown): string | undefined {
  const code = (error as CodedError | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * A failure worth retrying later: the database is down, restarting, overloaded, or chose this transaction as a
 * deadlock/serialisation victim. The API answers 503 so clients back off and retry.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) {
    return state.startsWith('08') || state.startsWith('53') || state.startsWith('57P') || state === '40001' || state === '40P01';
  }
  const code = (error as CodedError | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_NODE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * What may be logged about a database error. Messages and details can quote the values that failed (an email in
 * a duplicate key, the text that was not a valid uuid), so only codes and schema names are kept.
 */
export function describeDatabaseError(error: unknown): Record<string, string> | undefined {
  const state = sqlState(error);
  if (state === undefined) return undefined;
  const { constraint, table, column } = error as CodedError;
  const described: Record<string, string> = { sqlState: state };
  if (typeof constraint === 'string') described.constraint = constraint;
  if (typeof table === 'string') described.table = table;
  if (typeof column === 'string') described.column = column;
  return described;
}
