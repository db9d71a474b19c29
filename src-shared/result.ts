/**
 * Errors cross every boundary (IPC, HTTP, sync) as values, never as thrown objects.
 * `fields` maps a field path ("assetTag", "legs.0.country") to a message a person can act on;
 * it is always present so callers never need to guard for it.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'conflict'
  | 'not_found'
  | 'forbidden'
  | 'unauthorised'
  | 'payload_too_large'
  | 'rate_limited'
  | 'store_unavailable'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, fields: Record<string, string> = {}): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, fields } };
}

/**
 * Thrown inside a mutator or query to abort its transaction; the runner turns it into an error value.
 * Throwing (rather than returning) is what rolls back every write the mutator already made.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}
