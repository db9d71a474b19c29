import { z } from 'zod';
import { pulledPage, pushResponse, SYNC_PATHS } from '../../../src-shared/sync/protocol';
import type { SyncTransport } from './ports';
import { badReply, httpError, networkError, retryAfterMs, type ServerErrorBody, type TransportError, type TransportResult } from './transport-errors';

export const AUTH_PATHS = {
  signIn: '/api/v1/auth/sign-in',
  signOut: '/api/v1/auth/sign-out',
  password: '/api/v1/auth/password',
  me: '/api/v1/me',
} as const;

/** Long enough for a pull page of PULL_PAGE_ROWS rows on a slow link; short enough that a dead server is noticed. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface HttpTransportOptions {
  /** Normalised (src-shared/sync/server-url.ts): no trailing slash. */
  readonly serverUrl: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Makes each request's timeout signal; tests pass one they abort themselves instead of waiting. */
  readonly timeoutSignal?: (ms: number) => AbortSignal;
  readonly clock?: () => Date;
}

/** The server's `{ ok: false, error }`, read leniently: a newer server may add fields. */
const errorEnvelope = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

// Auth replies are read leniently too (z.object, not strict): the desktop needs these fields and no others.
const signInValue = z.object({ token: z.string().min(1), personId: z.uuid(), mustChangePassword: z.boolean() });
const meValue = z.object({ person: z.object({ id: z.uuid(), name: z.string(), email: z.string(), roles: z.array(z.string()) }) });
const passwordValue = z.object({ passwordChanged: z.literal(true) });
const signOutValue = z.object({ signedOut: z.literal(true) });

interface RequestSpec<S extends z.ZodType> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly value: S;
  readonly signal?: AbortSignal;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  return `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The central API over HTTP with a bearer token. Every request has a timeout; every response is checked against the
 * protocol's schemas before anything uses it; every failure is a classified value (transport-errors.ts).
 * Redirects are not followed: the token must only ever go to the address the person entered.
 */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const server = options.serverUrl;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeoutSignal = options.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  const clock = options.clock ?? (() => new Date());

  function failure(error: TransportError): { ok: false; error: TransportError } {
    return { ok: false, error };
  }

  async function request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<TransportResult<z.output<S>>> {
    const timeout = timeoutSignal(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([timeout, spec.signal]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await fetchImpl(`${server}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
        redirect: 'manual',
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch {
      // fetch rejects with a TypeError (network) or an AbortError/TimeoutError; which one does not matter here.
      return failure(networkError(server, timeout.aborted));
    }
    const json = parseJson(text);
    if (status >= 300 && status < 400) {
      return failure({ ...badReply(server, status, true, `a redirect (HTTP ${String(status)})`), message: `The server at ${server} redirected Custodian elsewhere. Enter the address it redirects to.` });
    }
    if (status < 200 || status >= 300) {
      const envelope = json.ok ? errorEnvelope.safeParse(json.value) : undefined;
      const body: ServerErrorBody | undefined = envelope?.success
        ? { code: envelope.data.error.code, message: envelope.data.error.message, fields: envelope.data.error.fields ?? {} }
        : undefined;
      return failure(httpError(status, body, retryAfterMs(retryAfter, clock()), server));
    }
    if (!json.ok) return failure(badReply(server, status, false, 'not JSON'));
    const envelope = z.object({ ok: z.literal(true), value: spec.value }).safeParse(json.value);
    if (!envelope.success) return failure(badReply(server, status, true, describeIssue(envelope.error)));
    return { ok: true, value: (envelope.data as { value: z.output<S> }).value };
  }

  return {
    serverUrl: server,
    async signIn(body, signal) {
      const result = await request({ method: 'POST', path: AUTH_PATHS.signIn, body, value: signInValue, signal });
      return result.ok ? { ok: true, value: { token: result.value.token, personId: result.value.personId, mustChangePassword: result.value.mustChangePassword } } : result;
    },
    async changePassword(token, body, signal) {
      const result = await request({ method: 'POST', path: AUTH_PATHS.password, token, body, value: passwordValue, signal });
      return result.ok ? { ok: true, value: null } : result;
    },
    async me(token, signal) {
      const result = await request({ method: 'GET', path: AUTH_PATHS.me, token, value: meValue, signal });
      if (!result.ok) return result;
      const { person } = result.value;
      return { ok: true, value: { personId: person.id, name: person.name, email: person.email, roles: person.roles } };
    },
    async signOut(token, signal) {
      const result = await request({ method: 'POST', path: AUTH_PATHS.signOut, token, value: signOutValue, signal });
      return result.ok ? { ok: true, value: null } : result;
    },
    push: (token, body, signal) => request({ method: 'POST', path: SYNC_PATHS.push, token, body, value: pushResponse, signal }),
    pull: (token, body, signal) => request({ method: 'POST', path: SYNC_PATHS.pull, token, body, value: pulledPage, signal }),
  };
}
