import { DomainError } from '../../src-shared/result';
import { isTransientDatabaseError } from '../db/db-errors';
import type { ApiErrorCode } from './schemas/common';

/**
 * The HTTP status for each error code. `rate_limited` (429) is not in src-shared's ErrorCode yet: it is the one code
 * this API adds, and belongs in result.ts once the desktop signs in against this API.
 */
export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  invalid_input: 400,
  unauthorised: 401,
  account_disabled: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  store_unavailable: 503,
  schema_version: 409,
  mutation_gap: 409,
  client_mismatch: 403,
  bad_cookie: 400,
};

export interface ApiErrorBody {
  readonly ok: false;
  readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly fields: Readonly<Record<string, string>> };
}

/** Thrown by route handlers and the request pipeline; becomes `{ ok: false, error }` with its status and headers. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ApiErrorCode, message: string, options: { fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = options.fields ?? {};
    this.headers = options.headers ?? {};
  }
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ApiErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  /** Unexpected: log it (codes only for database errors). */
  readonly unexpected: boolean;
}

interface FrameworkError {
  readonly statusCode?: unknown;
  readonly code?: unknown;
}

function response(code: ApiErrorCode, message: string, extra: Partial<Pick<ErrorResponse, 'headers' | 'unexpected'>> & { fields?: Record<string, string> } = {}): ErrorResponse {
  return {
    status: HTTP_STATUS[code],
    body: { ok: false, error: { code, message, fields: extra.fields ?? {} } },
    headers: extra.headers ?? {},
    unexpected: extra.unexpected ?? false,
  };
}

/** Fastify's own refusals (body parsing, size, media type), reworded; their own messages can echo the input. */
function frameworkResponse(error: FrameworkError): ErrorResponse | undefined {
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  const code = typeof error.code === 'string' ? error.code : '';
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return response('payload_too_large', 'The request body is too large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return response('invalid_input', 'Send the request body as application/json');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return response('invalid_input', 'The request body is empty: send a JSON object, or no Content-Type header');
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return response('invalid_input', 'A value in the address is too long');
  if (code === 'FST_ERR_BAD_URL') return response('invalid_input', 'The address is not valid: check its percent-encoding');
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return response('invalid_input', 'The Content-Length header does not match the body');
  if (code.startsWith('FST_ERR_CTP') || (error as Error).name === 'SyntaxError') return response('invalid_input', 'The request body is not valid JSON');
  if (status !== undefined && status >= 400 && status < 500) return response('invalid_input', 'The request could not be read');
  return undefined;
}

/** Any error reaching the edge, as the response to send. Never lets an internal message out. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof ApiError) return response(error.code, error.message, { fields: { ...error.fields }, headers: error.headers });
  if (error instanceof DomainError) return response(error.code, error.message, { fields: error.fields });
  if (isTransientDatabaseError(error)) {
    return response('store_unavailable', 'The database is unavailable just now. Try again shortly.', { headers: { 'Retry-After': '5' }, unexpected: true });
  }
  const framework = typeof error === 'object' && error !== null ? frameworkResponse(error) : undefined;
  if (framework) return framework;
  return response('internal', 'Something went wrong on the server. Try again; if it keeps happening, contact the IT service desk.', { unexpected: true });
}
