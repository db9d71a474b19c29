import { z } from 'zod';
import { assetEventSchema, assetSchema } from '../assets/asset-schema';
import { personSchema } from '../directory/person-schema';
import { HTTP_STATUS } from './errors';
import type { RouteSpec } from './route';
import { errorSchema, type ApiErrorCode } from './schemas/common';
import { documentedAs } from './schemas/openapi-hints';

type JsonObject = Record<string, unknown>;

/** Schemas with their own name in the document (their id comes from their .meta({ id })). */
const NAMED_SCHEMAS: readonly z.ZodType[] = [errorSchema, personSchema, assetSchema, assetEventSchema];

const COMPONENTS = '#/components/schemas/';

function idOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== 'string') throw new Error('Named OpenAPI schemas need .meta({ id })');
  return id;
}

/** Swaps in the documented form of query-string schemas (see openapi-hints.ts). */
function override(context: { zodSchema: unknown; jsonSchema: JsonObject }): void {
  const hint = documentedAs.get(context.zodSchema as z.ZodType);
  if (!hint) return;
  for (const key of Object.keys(context.jsonSchema)) Reflect.deleteProperty(context.jsonSchema, key);
  Object.assign(context.jsonSchema, hint.jsonSchema);
}

/** OpenAPI 3.1 schema objects are JSON Schema 2020-12 already; drop the per-document keywords zod adds. */
function component(schema: unknown): JsonObject {
  const copy = { ...(schema as JsonObject) };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

function responseId(route: RouteSpec): string {
  return `${route.operationId}Response`;
}

/** Every schema the responses use, named, with references between them. */
function responseComponents(routes: readonly RouteSpec[]): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const schema of NAMED_SCHEMAS) registry.add(schema, { id: idOf(schema) });
  for (const route of routes) {
    if (route.eventStream === true) continue;
    const body = route.raw === true ? route.value : z.strictObject({ ok: z.literal(true), value: route.value });
    registry.add(body, { id: responseId(route) });
  }
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'output', uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, component(schema)]));
}

function inputSchema(schema: z.ZodType): JsonObject {
  return component(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', override }));
}

function parameters(route: RouteSpec): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = inputSchema(schema);
    const properties = (json.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...propertySchema } = property;
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: propertySchema, ...(description ? { description } : {}) });
    }
  }
  return list;
}

/** The error statuses a route can answer with: its own, plus those every route can. */
function errorStatuses(route: RouteSpec): Map<number, ApiErrorCode[]> {
  const codes: ApiErrorCode[] = ['invalid_input', 'internal', 'store_unavailable', ...route.errors];
  if (route.auth !== 'public') codes.push('unauthorised', 'account_disabled');
  if (route.auth === 'session' || route.permission !== undefined) codes.push('forbidden');
  if (route.body) codes.push('payload_too_large');
  const statuses = new Map<number, ApiErrorCode[]>();
  for (const code of new Set(codes)) statuses.set(HTTP_STATUS[code], [...(statuses.get(HTTP_STATUS[code]) ?? []), code]);
  return statuses;
}

const ERROR_HEADERS: Readonly<Record<number, JsonObject>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer challenge (RFC 6750).', schema: { type: 'string' } } },
  429: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } },
  503: { 'Retry-After': { description: 'Seconds to wait before trying again (when the database is unreachable).', schema: { type: 'integer' } } },
};

/** Server-sent events: the stream itself, described in words (JSON Schema has nothing to say about it). */
const EVENT_STREAM_SUCCESS: JsonObject = {
  description: 'Success: a stream of server-sent events that stays open.',
  content: { 'text/event-stream': { schema: { type: 'string', description: 'Server-sent events (text/event-stream).' } } },
};

function operation(route: RouteSpec): JsonObject {
  const responses: Record<string, JsonObject> = {
    '200':
      route.eventStream === true
        ? EVENT_STREAM_SUCCESS
        : { description: 'Success.', content: { 'application/json': { schema: { $ref: `${COMPONENTS}${responseId(route)}` } } } },
  };
  for (const [status, codes] of [...errorStatuses(route)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Error: ${codes.join(', ')}.`,
      content: { 'application/json': { schema: { $ref: `${COMPONENTS}${idOf(errorSchema)}` } } },
      ...(ERROR_HEADERS[status] ? { headers: ERROR_HEADERS[status] } : {}),
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    security: route.auth === 'public' ? [] : [{ bearerAuth: [] }],
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(route.body) } } } } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document, made from the same route specs (and zod schemas) the server registers and validates
 * with, so every route is listed and every response is described by the schema it is checked against in tests.
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Custodian central API',
      version,
      description:
        'Integration API over the custody register, sign-in and account administration, and the desktops’ sync protocol ' +
        '(push, pull, pokes). Every JSON response is ' +
        '{ "ok": true, "value": … } or { "ok": false, "error": { "code", "message", "fields" } }. Lists are paged by cursor and ' +
        'contain only records the signed-in person may see.',
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: responseComponents(routes),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/v1/auth/sign-in.' },
      },
    },
  };
}
