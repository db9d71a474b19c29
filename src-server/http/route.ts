import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../../src-shared/auth/permissions';
import type { Authenticated } from '../auth/authenticate';
import type { ApiDeps, ApiServices } from './api-deps';
import type { JsonText } from './json-text';
import type { ApiErrorCode } from './schemas/common';

/**
 * Who may call a route:
 *   public                          – anyone (sign-in, health, the OpenAPI document);
 *   session                         – a signed-in person whose password is not a one-time password;
 *   session_before_password_change  – a signed-in person, even one who must still change their one-time password.
 */
export type AuthMode = 'public' | 'session' | 'session_before_password_change';

export interface HandlerContext<A extends AuthMode, P, Q, B> {
  readonly deps: ApiDeps;
  readonly services: ApiServices;
  /** One reading of the clock per request: every check and write in it agrees on "now". */
  readonly now: Date;
  readonly auth: A extends 'public' ? null : Authenticated;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * One API route, declared as data: the Fastify registration, the request validation and the OpenAPI document are
 * all made from this, so the document cannot drift from what the server does. Paths use OpenAPI's {name} form.
 */
export interface RouteSpec<
  A extends AuthMode = AuthMode,
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  V extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly auth: A;
  /** Checked after authentication; refusals are logged. */
  readonly permission?: Permission;
  readonly params?: P;
  readonly query?: Q;
  /** Omitted: the route takes no body, and one sent anyway is refused. */
  readonly body?: B;
  /** Largest body this route accepts, when it differs from the API's default (a sync push carries many mutations). */
  readonly bodyLimit?: number;
  /**
   * Looks at the parsed JSON body before `body` validates it, to refuse with a more specific code: a sync request
   * from another schema version gets 409 schema_version rather than 400s about a shape it cannot know.
   */
  readonly screenBody?: (body: Readonly<Record<string, unknown>>) => void;
  /**
   * The success response is a stream of server-sent events (text/event-stream), not JSON: `handle` returns the
   * readable stream to send, and the document describes 200 as an event stream.
   */
  readonly eventStream?: boolean;
  /** The success value: the response is `{ ok: true, value }` (or, with `raw`, the value itself). */
  readonly value: V;
  readonly raw?: boolean;
  /** Error codes this route can answer with beyond those every route can (400, 500, 503; 401 with a session). */
  readonly errors: readonly ApiErrorCode[];
  /**
   * Returns the success value (or that value already as JSON text); throws ApiError or DomainError to refuse. Method syntax on purpose: it is checked
   * bivariantly, which lets specific routes sit in one list of RouteSpec.
   */
  handle(context: HandlerContext<A, z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<V> | JsonText>;
}

export function defineRoute<A extends AuthMode, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, V extends z.ZodType>(
  spec: RouteSpec<A, P, Q, B, V>,
): RouteSpec<A, P, Q, B, V> {
  return spec;
}

/** "/api/v1/people/{personId}" → "/api/v1/people/:personId". */
export function fastifyPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
