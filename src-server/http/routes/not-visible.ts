import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../src-shared/auth/actor';
import type { Queryable } from '../../db/database';
import { recordExists, type LookupTable } from '../../db/record-exists';
import { ApiError } from '../errors';

/**
 * A record the actor asked for by id but may not see gets the same 404 as one that does not exist (its existence
 * is itself information), and the refusal is logged — ids only — so attempts to reach others' records show up.
 */
export async function notVisible(db: Queryable, request: FastifyRequest, actor: Actor, table: LookupTable, id: string, noun: string): Promise<ApiError> {
  if (await recordExists(db, table, id)) {
    request.log.warn({ event: 'authorisation_refused', actorId: actor.personId, resource: table, resourceId: id }, 'request refused: record not visible');
  }
  return new ApiError('not_found', `There is no ${noun} with this id that you have access to`);
}
