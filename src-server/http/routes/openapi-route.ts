import { z } from 'zod';
import { defineRoute } from '../route';

/** Serves the document itself (not wrapped in { ok, value }: tools expect the bare document). */
export function openApiRoute(document: () => Record<string, unknown>) {
  return defineRoute({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openApi',
    summary: 'This document',
    tag: 'operations',
    auth: 'public',
    raw: true,
    value: z.looseObject({ openapi: z.literal('3.1.0') }),
    errors: [],
    handle: () => Promise.resolve(document() as { openapi: '3.1.0' }),
  });
}
