import { z } from 'zod';
import { schemaVersion } from '../../db/migrate';
import { ApiError } from '../errors';
import { defineRoute } from '../route';

/** Process up: for the orchestrator's liveness probe. Touches nothing, so a slow database never restarts the process. */
export const healthz = defineRoute({
  method: 'GET',
  path: '/healthz',
  operationId: 'health',
  summary: 'The process is up',
  tag: 'operations',
  auth: 'public',
  value: z.strictObject({ status: z.literal('up') }),
  errors: [],
  handle: () => Promise.resolve({ status: 'up' as const }),
});

/** Ready for traffic: the database answers and its schema is the one this build expects. */
export const readyz = defineRoute({
  method: 'GET',
  path: '/readyz',
  operationId: 'ready',
  summary: 'The database is reachable and its migrations are current',
  description: 'Answers 503 (store_unavailable) while the database is unreachable or its schema version differs from this build’s.',
  tag: 'operations',
  auth: 'public',
  value: z.strictObject({ database: z.literal('reachable'), schemaVersion: z.int() }),
  errors: [],
  async handle({ deps }) {
    const expected = deps.migrations.length;
    const actual = await schemaVersion(deps.db);
    if (actual !== expected) {
      throw new ApiError('store_unavailable', `The database schema is at version ${String(actual)}; this server needs version ${String(expected)}`);
    }
    return { database: 'reachable' as const, schemaVersion: actual };
  },
});
