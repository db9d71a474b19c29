import type { AppError, Result } from '../../src-shared/result';

export function internalError(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'internal', message, fields: {} } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

/**
 * Whatever came back over the bridge, as a Result: a well-formed Result passes through (with `fields` always
 * present), anything else becomes an `internal` error, so components never have to guard against surprises.
 */
export function toResult<T>(value: unknown, malformedMessage: string): Result<T> {
  if (!isRecord(value)) return internalError(malformedMessage);
  if (value.ok === true && 'value' in value) return { ok: true, value: value.value as T };
  if (value.ok === false && isRecord(value.error)) {
    const { code, message, fields } = value.error;
    if (typeof code !== 'string' || typeof message !== 'string') return internalError(malformedMessage);
    return {
      ok: false,
      error: { code: code as AppError['code'], message, fields: isStringRecord(fields) ? fields : {} },
    };
  }
  return internalError(malformedMessage);
}
