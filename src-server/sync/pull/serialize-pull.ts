import type { PullResponse } from '../../../src-shared/sync/protocol';
import { JsonText } from '../../http/json-text';
import type { WireOperation } from './read-page';

/** A pull response whose put rows are still the JSON text the database made. */
export type WirePullResponse = Omit<PullResponse, 'patch'> & { readonly patch: readonly WireOperation[] };

function operation(op: WireOperation): string {
  return op.op === 'put'
    ? `{"op":"put","table":${JSON.stringify(op.table)},"row":${op.json}}`
    : `{"op":"del","table":${JSON.stringify(op.table)},"id":${JSON.stringify(op.id)}}`;
}

/**
 * The response as JSON text, rows spliced in as the database wrote them: a 5,000-row first-sync page is never parsed
 * into objects and serialised again, which was most of a page's cost. The shape is pullResponse's (the contract tests
 * check every response against the published schema).
 */
export function serializePull(response: WirePullResponse): JsonText {
  const { patch, ...rest } = response;
  const head = JSON.stringify(rest);
  return new JsonText(`${head.slice(0, -1)},"patch":[${patch.map(operation).join(',')}]}`);
}
