import { PassThrough, type Readable } from 'node:stream';
import { z } from 'zod';
import {
  MAX_PUSH_BODY_BYTES,
  pullRequest,
  pullResponse,
  pushRequest,
  pushResponse,
  SYNC_PATHS,
  SYNC_SCHEMA_VERSION,
} from '../../../src-shared/sync/protocol';
import type { PokeStream } from '../../sync/poke/poke-hub';
import { pull } from '../../sync/pull/pull';
import { applyPush } from '../../sync/push/apply-push';
import { ApiError } from '../errors';
import { defineRoute } from '../route';

/**
 * A desktop speaking another version of the protocol is told so before its request's shape is judged (a newer one
 * may legitimately send fields this server does not know). The desktop stops syncing and keeps its outbox.
 */
function requireSchemaVersion(body: Readonly<Record<string, unknown>>): void {
  const sent = body.schemaVersion;
  if (typeof sent !== 'number' || sent === SYNC_SCHEMA_VERSION) return;
  throw new ApiError(
    'schema_version',
    `This server speaks sync schema version ${String(SYNC_SCHEMA_VERSION)}, and this desktop sent version ${String(sent)}. ` +
      'Nothing was read or changed. Update Custodian on the desktop (or the server); unsent changes stay on the desktop until then.',
    { fields: { schemaVersion: `Expected ${String(SYNC_SCHEMA_VERSION)}` } },
  );
}

export const syncPushRoute = defineRoute({
  method: 'POST',
  path: SYNC_PATHS.push,
  operationId: 'syncPush',
  summary: 'Apply a desktop’s queued mutations, each exactly once and in order',
  description:
    'Mutation ids at or below the client’s last processed id are acknowledged without effect; the next must be exactly last + 1, ' +
    'or the push is refused with 409 mutation_gap (fields.lastMutationId: the last processed id) and nothing in it is applied. ' +
    'Each mutation is re-run with the server’s data and ' +
    'permissions: one refused for good is recorded as a rejection (returned by the next pull) and still advances the id. ' +
    'A mutation runs at its createdAt, or at the server’s time if that is later; one made more than 30 days (by default) before the ' +
    'server’s time is rejected (invalid_input). The whole push commits in one transaction, audit events included; a 503 means nothing was applied.',
  tag: 'sync',
  auth: 'session',
  body: pushRequest,
  bodyLimit: MAX_PUSH_BODY_BYTES,
  screenBody: requireSchemaVersion,
  value: pushResponse,
  errors: ['forbidden', 'payload_too_large', 'schema_version', 'mutation_gap', 'client_mismatch'],
  async handle({ deps, services, now, auth, body, request }) {
    const context = { db: deps.db, now, actor: auth.actor, log: request.log, maxMutationAgeDays: services.sync.maxMutationAgeDays };
    const result = await applyPush(context, body);
    request.log.info({ event: 'sync_push', actorId: auth.actor.personId, clientId: body.clientId, ...result }, 'push processed');
    return result;
  },
});

export const syncPullRoute = defineRoute({
  method: 'POST',
  path: SYNC_PATHS.pull,
  operationId: 'syncPull',
  summary: 'Rows changed since the cookie that you may see, from one consistent snapshot',
  description:
    'Pass cookie null for a first sync, then the cookie of the previous response. reset: true means empty the synced tables ' +
    'first; more: true means pull again at once (pages of one run are applied together). Rows that left your sight arrive ' +
    'as del operations. Also returns your last processed mutation id and new rejections of your pushed mutations.',
  tag: 'sync',
  auth: 'session',
  body: pullRequest,
  screenBody: requireSchemaVersion,
  value: pullResponse,
  errors: ['forbidden', 'payload_too_large', 'schema_version', 'bad_cookie', 'client_mismatch'],
  handle: ({ deps, services, now, auth, body }) =>
    pull({ db: deps.db, now, actor: auth.actor, scopes: services.sync.scopes, newest: services.sync.newest, pageRows: services.sync.pullPageRows }, body),
});

export const syncPokeRoute = defineRoute({
  method: 'GET',
  path: SYNC_PATHS.poke,
  operationId: 'syncPoke',
  summary: 'Server-sent events: "poke" whenever synced data may have changed',
  description:
    'An event stream that stays open: `event: poke` after any change anyone syncs (pull to see whether it concerns you), and a ' +
    'comment line every 25 seconds. It closes when the session ends (sign-out, expiry, account disabled); reconnect after signing in.',
  tag: 'sync',
  auth: 'session',
  eventStream: true,
  value: z.custom<Readable>(),
  errors: ['forbidden'],
  async handle({ services, auth, reply }) {
    const body = new PassThrough();
    // A client that went away: nothing to report, and nothing more to write.
    body.on('error', () => undefined);
    const writable = () => !body.destroyed && !body.writableEnded;
    const stream: PokeStream = {
      sessionId: auth.session.id,
      personId: auth.actor.personId,
      write: (text) => {
        if (writable()) body.write(text);
      },
      end: () => {
        if (writable()) body.end();
      },
    };
    const { pokes } = services.sync;
    // The client went away (or the response ended): stop writing, and release the connection, which a half-closed
    // client socket would otherwise keep open for ever (and with it, a server waiting to close).
    const gone = () => {
      pokes.remove(stream);
      if (!body.destroyed) body.destroy();
    };
    reply.raw.on('close', gone);
    body.on('close', () => pokes.remove(stream));
    await pokes.open(stream);
    // Sends the headers and a first line at once, so the client knows it is listening.
    stream.write(': connected\n\n');
    return body;
  },
});
