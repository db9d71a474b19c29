import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AddressInfo } from 'node:net';
import { WEB_SHELL_INVOKE_PATH, WEB_SHELL_SECRET_HEADER } from '../../src-shared/api/bridge';
import { MAX_IMPORT_BASE64_LENGTH } from '../../src-shared/import/limits';
import { err, type AppError, type ErrorCode, type Result } from '../../src-shared/result';
import type { Dispatch } from '../bridge/dispatch';
import { isAllowedHost, isAllowedOrigin, secretMatches } from './guards';
import { HTTP_STATUS } from './http-status';
import { SECURITY_HEADERS } from './security-headers';

export interface WebShellOptions {
  readonly dispatch: Dispatch;
  /** The built renderer (index.html + assets); omitted when only the API is wanted (API tests). */
  readonly rendererDir?: string;
  /** Per-launch secret every API call must carry; printed once in the URL fragment, never logged. */
  readonly secret: string;
  /** Largest request body accepted on the invoke endpoint (default INVOKE_BODY_LIMIT_BYTES); tests lower it. */
  readonly bodyLimitBytes?: number;
  readonly logger?: boolean;
}

/**
 * The invoke endpoint's body limit. import.preview carries a whole CSV file as base64 (the 50 MB file is
 * 69.9 MB of base64), so the limit is that plus room for the JSON around it; every other call is tiny and the handler
 * table's schemas bound each field. Everything else keeps Fastify's small default (1 MiB).
 */
export const INVOKE_BODY_LIMIT_BYTES = MAX_IMPORT_BASE64_LENGTH + 1024 * 1024;

function send(reply: FastifyReply, result: Result<unknown>): FastifyReply {
  return reply.status(result.ok ? 200 : HTTP_STATUS[result.error.code]).send(result);
}

function refuse(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return send(reply, err(code, message));
}

/** Fastify's own errors (bad JSON, wrong content type, body too big) in the bridge's error shape. */
function frameworkError(error: { statusCode?: number; code?: string; message: string }): AppError {
  if (error.statusCode === 413) return err('payload_too_large', 'The request is too large').error;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return err('invalid_input', 'Send the request as application/json').error;
  if (error.statusCode !== undefined && error.statusCode < 500) {
    return err('invalid_input', `The request could not be read: ${error.message}`).error;
  }
  return err('internal', 'Something went wrong in the web shell').error;
}

/**
 * The loopback web shell: the built renderer plus the handler table over HTTP, for browser tests and for machines
 * without Electron. It must only ever listen on 127.0.0.1 (see listenOnLoopback).
 */
export function createWebShell(options: WebShellOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  const port = () => (app.server.address() as AddressInfo | null)?.port ?? -1;

  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, port())) {
      return refuse(reply, 'forbidden', 'This address is not allowed to reach Custodian');
    }
    if (!isAllowedOrigin(request.headers.origin, port())) {
      return refuse(reply, 'forbidden', 'Requests from other sites are not allowed');
    }
    if (request.url.startsWith('/api/')) {
      const given = request.headers[WEB_SHELL_SECRET_HEADER];
      if (!secretMatches(typeof given === 'string' ? given : undefined, options.secret)) {
        return refuse(reply, 'unauthorised', 'Open Custodian from the address the web shell printed when it started');
      }
    }
    return undefined;
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const appError = frameworkError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'web shell request failed');
    return send(reply, { ok: false, error: appError });
  });

  app.post(WEB_SHELL_INVOKE_PATH, { bodyLimit: options.bodyLimitBytes ?? INVOKE_BODY_LIMIT_BYTES }, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return refuse(reply, 'invalid_input', 'Send a JSON object with "method" and "input"');
    }
    const { method, input } = body as { method?: unknown; input?: unknown };
    return send(reply, await options.dispatch(method, input));
  });

  if (options.rendererDir !== undefined) {
    app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', wildcard: false });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return refuse(reply, 'unknown_method', `There is no endpoint ${request.url.slice(0, 80)}`);
    return refuse(reply, 'not_found', 'There is no page at this address');
  });

  return app;
}

/** Binds to the IPv4 loopback only: the web shell must never be reachable from another machine. */
export async function listenOnLoopback(app: FastifyInstance, port: number): Promise<number> {
  await app.listen({ host: '127.0.0.1', port });
  return (app.server.address() as AddressInfo).port;
}
