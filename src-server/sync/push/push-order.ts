import { GAP_LAST_MUTATION_ID_FIELD } from '../../../src-shared/sync/error-codes';
import type { PushedMutation } from '../../../src-shared/sync/protocol';
import { ApiError } from '../../http/errors';

export interface PushOrder {
  /** Mutations already processed (id ≤ last): acknowledged again, applied never again. */
  readonly duplicates: number;
  /** The new ones, in order, with ids last+1, last+2, … */
  readonly fresh: readonly PushedMutation[];
}

/**
 * Exactly once, in order: a mutation whose id is at most the last processed one is a duplicate (its reply was lost,
 * or the push was sent twice); the next must be exactly last + 1. A later id means mutations are missing in between:
 * the whole push is refused (409 mutation_gap) and nothing in it is applied, so the client re-sends from last + 1.
 * Besides the per-field message on the offending id, `fields.lastMutationId` carries the last processed id as a
 * decimal string, for the desktop to resume from without reading prose (src-shared/sync/error-codes.ts).
 */
export function orderPush(lastMutationId: number, mutations: readonly PushedMutation[]): PushOrder {
  let expected = lastMutationId + 1;
  let duplicates = 0;
  const fresh: PushedMutation[] = [];
  for (const [index, mutation] of mutations.entries()) {
    if (mutation.id < expected) {
      duplicates += 1;
      continue;
    }
    if (mutation.id > expected) {
      // Nothing in the push is applied, the mutations before the gap included: resume from the server's own last id.
      const message =
        `Mutation ${String(mutation.id)} is out of order: after ${String(expected - 1)} the next must be ${String(expected)}. ` +
        `Nothing in this push was applied; the server has processed this client's mutations up to ${String(lastMutationId)}, ` +
        `so push again from ${String(lastMutationId + 1)}.`;
      throw new ApiError('mutation_gap', message, {
        fields: { [`mutations.${String(index)}.id`]: `Expected ${String(expected)}`, [GAP_LAST_MUTATION_ID_FIELD]: String(lastMutationId) },
      });
    }
    fresh.push(mutation);
    expected += 1;
  }
  return { duplicates, fresh };
}
