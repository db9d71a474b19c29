import { z } from 'zod';
import type { Authenticated } from '../../auth/authenticate';
import { createAccount, disableAccount, enableAccount, type ChangeContext } from '../../accounts/manage-accounts';
import { personIdParams } from '../../directory/person-schema';
import type { ApiDeps } from '../api-deps';
import { defineRoute } from '../route';
import { idParam, isoTimestamp } from '../schemas/common';

function changeContext(deps: ApiDeps, auth: Authenticated, now: Date): ChangeContext {
  return { db: deps.db, actor: auth.actor, clientId: auth.session.clientId, now };
}

export const createAccountRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/admin/accounts',
  operationId: 'createAccount',
  summary: 'Open an account for a person in the directory, with a one-time password',
  description: 'The one-time password is returned once and must be changed at first sign-in. Admins only.',
  tag: 'accounts',
  auth: 'session',
  permission: 'account.manage',
  body: z.strictObject({ personId: idParam('person') }),
  value: z.strictObject({
    personId: z.uuid(),
    oneTimePassword: z.string().meta({ description: 'Give this to the person by a separate channel; it is not shown again.' }),
  }),
  errors: ['forbidden', 'not_found', 'conflict', 'payload_too_large'],
  async handle({ deps, now, auth, body, request }) {
    const result = await createAccount(changeContext(deps, auth, now), deps.config.passwordHashing, body.personId);
    request.log.info({ event: 'account_created', actorId: auth.actor.personId, personId: result.personId }, 'account created');
    return result;
  },
});

export const disableAccountRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/admin/accounts/{personId}/disable',
  operationId: 'disableAccount',
  summary: 'Disable an account and end all its sessions at once',
  description: 'For leavers and compromised accounts: every session of the account is refused from its next request. Admins only.',
  tag: 'accounts',
  auth: 'session',
  permission: 'account.manage',
  params: personIdParams,
  value: z.strictObject({ personId: z.uuid(), disabledAt: isoTimestamp, sessionsRevoked: z.int() }),
  errors: ['forbidden', 'not_found', 'conflict'],
  async handle({ deps, now, auth, params, request }) {
    const result = await disableAccount(changeContext(deps, auth, now), params.personId);
    request.log.info(
      { event: 'account_disabled', actorId: auth.actor.personId, personId: result.personId, sessionsRevoked: result.sessionsRevoked },
      'account disabled',
    );
    return result;
  },
});

export const enableAccountRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/admin/accounts/{personId}/enable',
  operationId: 'enableAccount',
  summary: 'Re-enable a disabled account (its old sessions stay ended)',
  tag: 'accounts',
  auth: 'session',
  permission: 'account.manage',
  params: personIdParams,
  value: z.strictObject({ personId: z.uuid(), disabledAt: z.null() }),
  errors: ['forbidden', 'not_found', 'conflict'],
  async handle({ deps, now, auth, params, request }) {
    const result = await enableAccount(changeContext(deps, auth, now), params.personId);
    request.log.info({ event: 'account_enabled', actorId: auth.actor.personId, personId: result.personId }, 'account enabled');
    return result;
  },
});
