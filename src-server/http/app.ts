import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { createSyncRuntime } from '../sync/sync-runtime';
import type { ApiDeps, ApiServices } from './api-deps';
import { toErrorResponse, type ErrorResponse } from './errors';
import { openApiDocument } from './openapi';
import { registerRoute } from './register-route';
import type { RouteSpec } from './route';
import { API_ROUTES } from './routes';
import { openApiRoute } from './routes/openapi-route';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';
import { API_SECURITY_HEADERS } from './security-headers';
import { trackUnusedConnections } from './unused-connections';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

function sendError(reply: FastifyReply, response: ErrorResponse): FastifyReply {
  return reply.status(response.status).headers(response.headers).send(response.body);
}

const inventories = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route Fastify actually registered on this app: lets a test prove the OpenAPI document lists them all. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return inventories.get(app) ?? [];
}

/** The route specs an app serves, /openapi.json included, and the document made from them. */
export function apiRoutes(version: string): { routes: readonly RouteSpec[]; document: Record<string, unknown> } {
  let document: Record<string, unknown> = {};
  const routes: readonly RouteSpec[] = [...API_ROUTES, openApiRoute(() => document)];
  document = openApiDocument(routes, version);
  return { routes, document };
}

/**
 * The central API as a Fastify app (not listening: the caller listens, or tests inject). Everything it needs comes
 * in `deps`; every answer is `{ ok: true, value }` or `{ ok: false, error }`, with the request id in X-Request-Id.
 */
export function createApi(deps: ApiDeps, logger: FastifyBaseLogger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    // One line per request, written below with ids only; Fastify's own lines would carry the URL and its query.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: typeof deps.config.trustProxy === 'boolean' ? deps.config.trustProxy : [...deps.config.trustProxy],
    requestIdHeader: false,
    genReqId: requestIdFor,
    exposeHeadRoutes: false,
    return503OnClosing: true,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Malformed or over-long addresses are refused by the router before any route runs; answer them in our shape too.
    frameworkErrors: (error, _request, reply) => {
      sendError(reply, toErrorResponse(error));
    },
  });
  // JSON only: Fastify also parses text/plain by default, which no route here takes.
  app.removeContentTypeParser('text/plain');
  const inventory: RegisteredRoute[] = [];
  inventories.set(app, inventory);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) inventory.push({ method, url: route.url });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(API_SECURITY_HEADERS);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { event: 'request', method: request.method, route: request.routeOptions.url ?? null, statusCode: reply.statusCode, durationMs: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const response = toErrorResponse(error);
    if (response.unexpected) request.log.error({ err: error, route: request.routeOptions.url ?? null }, 'request failed');
    return sendError(reply, response);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ ok: false, error: { code: 'not_found', message: 'There is no endpoint at this address; see /openapi.json', fields: {} } }),
  );

  const services: ApiServices = { sync: createSyncRuntime(deps, app.log) };
  const unused = trackUnusedConnections(app.server);
  // Open poke streams, and connections opened ahead of need, would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    await services.sync.pokes.close();
    unused.close();
  });
  for (const route of apiRoutes(deps.version).routes) registerRoute(app, deps, services, route);
  return app;
}
