import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ACCOUNT_DISABLED, type AuthErrorCode } from '../../src-shared/auth/auth-error-codes';
import { may } from '../../src-shared/auth/permissions';
import { invalidInput } from '../../src-shared/validation';
import { authenticate, type AuthFailureReason, type Authenticated } from '../auth/authenticate';
import type { ApiDeps, ApiServices } from './api-deps';
import { ApiError } from './errors';
import { JsonText } from './json-text';
import { fastifyPath, type RouteSpec } from './route';

const SIGN_IN_AGAIN: Readonly<Record<AuthFailureReason, string>> = {
  no_token: 'Sign in first, then send your session token as "Authorization: Bearer <token>"',
  malformed_token: 'The session token is not valid. Sign in again.',
  unknown_token: 'The session token is not valid. Sign in again.',
  revoked: 'Your session has ended. Sign in again.',
  expired: 'Your session has expired. Sign in again.',
  idle: 'Your session ended because it was not used for a while. Sign in again.',
  account_disabled: 'This account has been disabled. Contact an administrator if you think this is wrong.',
  person_left: 'This account belongs to someone who has left. Contact an administrator if you think this is wrong.',
};

/**
 * A session whose account is over for good (disabled, or its person has left) is told so with its own code, so the
 * desktop removes that account's data instead of waiting for a sign-in that can never work; every other refusal is
 * `unauthorised` (src-shared/auth/auth-error-codes.ts). Authentication finds the account behind the token even when its
 * sessions were revoked, because revoking keeps the session row: a later request is still recognised as disabled.
 */
function refusalCode(reason: AuthFailureReason): 'unauthorised' | AuthErrorCode {
  return reason === 'account_disabled' || reason === 'person_left' ? ACCOUNT_DISABLED : 'unauthorised';
}

/** RFC 6750: a refused bearer token says so in WWW-Authenticate. */
function bearerChallenge(reason: AuthFailureReason): Record<string, string> {
  return { 'WWW-Authenticate': reason === 'no_token' ? 'Bearer realm="custodian"' : 'Bearer realm="custodian", error="invalid_token"' };
}

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problem = invalidInput(parsed.error, what);
    throw new ApiError('invalid_input', problem.message, { fields: { ...problem.fields } });
  }
  return parsed.data;
}

/** Every body this API takes is a JSON object; anything else gets one plain message rather than zod's type talk. */
function jsonObject(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const message = 'Send the request body as a JSON object, with Content-Type: application/json';
    throw new ApiError('invalid_input', message, { fields: { _root: message } });
  }
  return body as Readonly<Record<string, unknown>>;
}

function readBody(spec: RouteSpec, raw: unknown): unknown {
  if (!spec.body) return noBody(raw);
  const body = jsonObject(raw);
  spec.screenBody?.(body);
  return parse(spec.body, body, 'The request body');
}

/** A body on a route that takes none is refused rather than ignored: the caller has misunderstood something. */
function noBody(body: unknown): undefined {
  const empty = body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) throw new ApiError('invalid_input', 'This endpoint takes no request body');
  return undefined;
}

async function authorise(spec: RouteSpec, deps: ApiDeps, request: FastifyRequest, now: Date): Promise<Authenticated | null> {
  if (spec.auth === 'public') return null;
  const outcome = await authenticate(deps.db, request.headers.authorization, now, deps.config.sessions);
  if (!outcome.ok) {
    const { reason } = outcome.failure;
    request.log.warn({ event: 'authentication_refused', ...outcome.failure }, 'request refused: not signed in');
    throw new ApiError(refusalCode(reason), SIGN_IN_AGAIN[reason], { headers: bearerChallenge(reason) });
  }
  const { session, actor } = outcome.value;
  if (spec.auth === 'session' && session.mustChangePassword) {
    request.log.warn({ event: 'authorisation_refused', actorId: actor.personId, sessionId: session.id, reason: 'must_change_password' }, 'request refused');
    throw new ApiError('forbidden', 'Change your one-time password before doing anything else (POST /api/v1/auth/password)');
  }
  if (spec.permission !== undefined && !may(actor, spec.permission)) {
    request.log.warn({ event: 'authorisation_refused', actorId: actor.personId, sessionId: session.id, permission: spec.permission }, 'request refused');
    throw new ApiError('forbidden', 'Your roles do not allow this');
  }
  return outcome.value;
}

/**
 * Registers one route: authenticate (unless public), authorise, validate params, query and body against the spec's
 * zod schemas (strict: unknown fields are refused), run the handler, and answer `{ ok: true, value }`.
 * Anything thrown goes to the app's error handler, which answers `{ ok: false, error }`.
 */
export function registerRoute(app: FastifyInstance, deps: ApiDeps, services: ApiServices, spec: RouteSpec): void {
  app.route({
    method: spec.method,
    url: fastifyPath(spec.path),
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    handler: async (request, reply) => {
      const now = deps.clock();
      const auth = await authorise(spec, deps, request, now);
      const params: unknown = spec.params ? parse(spec.params, request.params, 'The address') : undefined;
      const query: unknown = spec.query ? parse(spec.query, request.query, 'The query') : noQuery(request.query);
      const body = readBody(spec, request.body);
      const value = await spec.handle({ deps, services, now, auth, params, query, body, request, reply });
      if (spec.eventStream === true) {
        // Proxies must pass events on as they come, not buffer them. The connection closes with the stream: it is
        // never reused, and a server shutting down (which ends every stream) is not left waiting on it as idle.
        return reply
          .status(200)
          .headers({ 'content-type': 'text/event-stream; charset=utf-8', 'x-accel-buffering': 'no', connection: 'close' })
          .send(value);
      }
      if (value instanceof JsonText) return reply.status(200).type('application/json; charset=utf-8').send(`{"ok":true,"value":${value.text}}`);
      return reply.status(200).send(spec.raw === true ? value : { ok: true, value });
    },
  });
}

function noQuery(query: unknown): undefined {
  if (typeof query === 'object' && query !== null && Object.keys(query).length > 0) {
    // Names are echoed back so the caller can see what was refused; a few, shortened, are enough for that.
    const names = Object.keys(query).slice(0, 5).map((name) => name.slice(0, 40));
    throw new ApiError('invalid_input', 'This endpoint takes no query parameters', {
      fields: Object.fromEntries(names.map((name) => [name, `${name} is not a recognised field`])),
    });
  }
  return undefined;
}
