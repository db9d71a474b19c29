import type { ErrorCode } from '../../src-shared/result';

/** The HTTP status that goes with each error code; the body is always the `{ ok: false, error }` value. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorised: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  store_unavailable: 503,
};
