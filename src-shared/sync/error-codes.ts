/**
 * Error codes only the sync endpoints answer with, beside the shared ones in src-shared/result.ts. They travel in the
 * API's usual envelope, `{ ok: false, error: { code, message, fields } }`, so the desktop can tell what to do:
 *
 *   schema_version   409  the request's schemaVersion is not SYNC_SCHEMA_VERSION: stop syncing, keep the outbox, upgrade;
 *   mutation_gap     409  a pushed mutation id skips ahead of the server's last processed id + 1: nothing in the push
 *                         was applied; push again from lastMutationId + 1. The message names it for people, and
 *                         `fields.lastMutationId` (GAP_LAST_MUTATION_ID_FIELD) holds it as a decimal string;
 *   client_mismatch  403  the clientId is bound to another account: this installation may not sync as this user
 *                         (the desktop takes a new clientId when nothing is waiting to be sent, else stops and says so);
 *   bad_cookie       400  the pull cookie is not one this server issued for this client: pull again with cookie null.
 */
export const SYNC_ERROR_CODES = ['schema_version', 'mutation_gap', 'client_mismatch', 'bad_cookie'] as const;

export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** The `fields` key of a mutation_gap error holding the server's last processed mutation id ("41"). */
export const GAP_LAST_MUTATION_ID_FIELD = 'lastMutationId';
