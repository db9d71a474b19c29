import { z } from 'zod';

/**
 * Query-string values arrive as text, so their zod schemas parse text ("50" → 50). For the OpenAPI document we
 * want what the client should send ("an integer from 1 to 200"), not "a string matching ^[0-9]+$". A schema
 * registered here is documented with the given JSON Schema instead of the one zod would derive.
 */
export const documentedAs = z.registry<{ readonly jsonSchema: Readonly<Record<string, unknown>> }>();
