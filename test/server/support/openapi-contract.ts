import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { z } from 'zod';

type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly responses: Readonly<Record<string, { content?: { 'application/json'?: { schema?: { $ref?: string } }; 'text/event-stream'?: unknown } }>>;
}

export interface Contract {
  /** Fails the test unless the document lists this status for the route and the body matches its schema. */
  check(method: string, url: string, status: number, body: unknown): void;
  /** Fails the test unless the document describes this route's 200 as a text/event-stream. */
  checkEventStream(method: string, url: string, contentType: string | undefined): void;
  /** "GET /api/v1/people 200" for every response checked so far. */
  readonly seen: ReadonlySet<string>;
  readonly operations: readonly Operation[];
}

const COMPONENTS = '#/components/schemas/';

/** Re-points component references at $defs, so one component can be validated as a self-contained schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace(COMPONENTS, '#/$defs/') : rewriteRefs(inner),
    ]),
  );
}

/**
 * Validates responses against the OpenAPI document the server itself serves — the JSON Schema in the document,
 * turned back into a validator with zod's fromJSONSchema — not against the zod schemas in the code. So this checks
 * the published contract, and would catch a document that had drifted from the code.
 */
export async function contractFor(app: FastifyInstance): Promise<Contract> {
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Json>();
  const components = (document.components as { schemas: Json }).schemas;
  const defs = rewriteRefs(components) as Json;
  const validators = new Map<string, z.ZodType>();
  const validator = (id: string): z.ZodType => {
    let schema = validators.get(id);
    if (!schema) {
      schema = z.fromJSONSchema({ $defs: defs, $ref: `#/$defs/${id}` } as Parameters<typeof z.fromJSONSchema>[0]);
      validators.set(id, schema);
    }
    return schema;
  };
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths as Record<string, Record<string, Operation['responses']>>)) {
    for (const [method, spec] of Object.entries(methods)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      operations.push({ method: method.toUpperCase(), template, pattern, responses: (spec as unknown as { responses: Operation['responses'] }).responses });
    }
  }
  const seen = new Set<string>();

  return {
    seen,
    operations,
    check(method, url, status, body) {
      const path = url.split('?')[0] ?? url;
      const operation = operations.find((op) => op.method === method && op.pattern.test(path));
      if (!operation) {
        // Not a documented route: the only acceptable answer is the not-found error.
        expect(status, `${method} ${path} is not in the OpenAPI document`).toBe(404);
        expect(validator('Error').safeParse(body).success, `404 body for ${method} ${path}`).toBe(true);
        return;
      }
      const response = operation.responses[String(status)];
      expect(response, `${method} ${operation.template} answered ${String(status)}, which the document does not list`).toBeDefined();
      const ref = response?.content?.['application/json']?.schema?.$ref;
      expect(ref, `${method} ${operation.template} ${String(status)} has no schema`).toBeDefined();
      const result = validator((ref ?? '').replace(COMPONENTS, '')).safeParse(body);
      expect(result.success, `${method} ${operation.template} ${String(status)} does not match the document: ${result.error?.message ?? ''}`).toBe(true);
      seen.add(`${method} ${operation.template} ${String(status)}`);
    },
    checkEventStream(method, url, contentType) {
      const path = url.split('?')[0] ?? url;
      const operation = operations.find((op) => op.method === method && op.pattern.test(path));
      expect(operation?.responses['200']?.content?.['text/event-stream'], `${method} ${path} is not documented as an event stream`).toBeDefined();
      expect(contentType).toMatch(/^text\/event-stream/);
      seen.add(`${method} ${operation?.template ?? path} 200`);
    },
  };
}
