import type { SyncErrorCode } from '../../../src-shared/sync/error-codes';

/**
 * How the engine must react to a failed request, decided once here from the HTTP status and the error code:
 * - transient: the network, a timeout, 5xx or 429: keep the outbox, retry with backoff;
 * - auth: 401: the sign-in ended (signed out elsewhere, expired): stop, keep the outbox; or, with the code
 *   account_disabled, the account is over for good: stop, export the outbox, remove its data (failure-reaction.ts);
 * - too_old: 409 schema_version: this desktop speaks an older protocol: stop syncing until updated, keep the outbox;
 * - permanent: any other 4xx, or a reply that is not the protocol: retrying the same request will not help.
 */
export type TransportErrorKind = 'transient' | 'auth' | 'too_old' | 'permanent';

export interface TransportError {
  readonly kind: TransportErrorKind;
  /** The server's error code ('unauthorised', 'rate_limited', …), or ours: 'network', 'timeout', 'bad_reply'. */
  readonly code: string;
  /** Written for the person at the desk. */
  readonly message: string;
  /** The HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** From Retry-After, when the server asked for a pause (429, 503). */
  readonly retryAfterMs: number | null;
  /** The server's per-field messages (sign-in: email, password). */
  readonly fields: Readonly<Record<string, string>>;
}

export type TransportResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TransportError };

/** The server's `{ ok: false, error }` body, when it sent one. */
export interface ServerErrorBody {
  readonly code: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The code the server answers a request of another schema version with (src-shared/sync/error-codes.ts). */
export const SCHEMA_VERSION_CODE: SyncErrorCode = 'schema_version';

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? null : Math.max(0, when - now.getTime());
}

function kindFor(status: number, code: string | undefined): TransportErrorKind {
  if (status === 401) return 'auth';
  if (status === 409 && code === SCHEMA_VERSION_CODE) return 'too_old';
  if (status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

function defaultMessage(kind: TransportErrorKind, status: number, server: string): string {
  switch (kind) {
    case 'auth':
      return 'Your sign-in to the server has ended. Sign in again to carry on syncing.';
    case 'too_old':
      return 'The server needs a newer version of Custodian. Update Custodian to carry on syncing; your changes are kept.';
    case 'transient':
      return status === 429
        ? `The server at ${server} is busy. Custodian will try again shortly.`
        : `The server at ${server} is having a problem (HTTP ${String(status)}). Custodian will try again shortly.`;
    case 'permanent':
      return `The server at ${server} refused the request (HTTP ${String(status)}).`;
  }
}

/** A response with an error status, classified; the server's own message is kept when it sent one. */
export function httpError(status: number, body: ServerErrorBody | undefined, retryAfter: number | null, server: string): TransportError {
  const kind = kindFor(status, body?.code);
  return {
    kind,
    code: body?.code ?? `http_${String(status)}`,
    message: body?.message && body.message.trim() !== '' ? body.message : defaultMessage(kind, status, server),
    status,
    retryAfterMs: retryAfter,
    fields: body?.fields ?? {},
  };
}

/** No response at all: the network is down, the name does not resolve, or the server did not answer in time. */
export function networkError(server: string, timedOut: boolean): TransportError {
  return {
    kind: 'transient',
    code: timedOut ? 'timeout' : 'network',
    message: timedOut
      ? `The server at ${server} did not answer in time. Your changes are kept and will be sent when it does.`
      : `Custodian cannot reach the server at ${server}. Your changes are kept and will be sent when it is back.`,
    status: null,
    retryAfterMs: null,
    fields: {},
  };
}

/**
 * A 2xx whose body is not what the protocol says. Not JSON at all is usually something in the way (a captive portal,
 * a proxy's page), so it is retried; JSON of the wrong shape is a server that speaks something else, so it is not.
 */
export function badReply(server: string, status: number, parsedJson: boolean, detail: string): TransportError {
  return {
    kind: parsedJson ? 'permanent' : 'transient',
    code: 'bad_reply',
    message: parsedJson
      ? `The server at ${server} sent a reply Custodian does not understand (${detail}). Check the server address, or update Custodian.`
      : `The server at ${server} sent a reply that is not from a Custodian server (HTTP ${String(status)}). If you are on a network that asks you to sign in to it, do that first.`,
    status,
    retryAfterMs: null,
    fields: {},
  };
}
