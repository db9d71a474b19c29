import { z } from 'zod';
import { personFields } from '../../../src-shared/domain/person';
import { DomainError } from '../../../src-shared/result';
import { changePassword } from '../../accounts/change-password';
import { appendAudit } from '../../audit/append-audit';
import { MAX_PASSWORD_LENGTH } from '../../auth/password';
import { revokeSession } from '../../auth/sessions';
import { signIn } from '../../auth/sign-in';
import { getPerson } from '../../directory/people-queries';
import { personSchema } from '../../directory/person-schema';
import { ApiError } from '../errors';
import { defineRoute } from '../route';
import { isoTimestamp } from '../schemas/common';

const password = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .min(1, { error: `Enter ${label}` })
    .max(MAX_PASSWORD_LENGTH, { error: `Passwords are at most ${String(MAX_PASSWORD_LENGTH)} characters` });

/** Names the client the session is for: a desktop's installation id, or an integration's own name. */
const clientId = z
  .string({ error: 'clientId must be text' })
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, { error: 'clientId must be 1 to 64 letters, digits, dots, colons, hyphens or underscores' });

const REFUSED = 'The email address or password is not right, or the account cannot sign in';

function rateLimited(retryAfterSeconds: number, message: string): ApiError {
  return new ApiError('rate_limited', message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
}

export const signInRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-in',
  operationId: 'signIn',
  summary: 'Sign in with email and password; returns a bearer token',
  description:
    'Send the token as "Authorization: Bearer <token>". Sessions end after a period without use and at an absolute limit. ' +
    'Repeated failures for one account or from one address are refused with 429 and Retry-After. If mustChangePassword is true, ' +
    'only POST /api/v1/auth/password, POST /api/v1/auth/sign-out and GET /api/v1/me are allowed until the password is changed.',
  tag: 'sessions',
  auth: 'public',
  body: z.strictObject({ email: personFields.email, password: password('your password'), clientId: clientId.optional() }),
  value: z.strictObject({
    token: z.string().meta({ description: 'Opaque bearer token. Shown once; keep it secret.' }),
    sessionId: z.uuid(),
    personId: z.uuid(),
    expiresAt: isoTimestamp,
    idleTimeoutSeconds: z.int(),
    mustChangePassword: z.boolean(),
  }),
  errors: ['unauthorised', 'rate_limited', 'payload_too_large'],
  async handle({ deps, now, body, request }) {
    const outcome = await signIn(
      { db: deps.db, now, config: deps.config },
      { email: body.email, password: body.password, clientId: body.clientId ?? null, address: request.ip },
    );
    if (!outcome.ok && outcome.kind === 'throttled') {
      request.log.warn({ event: 'sign_in_throttled', retryAfterSeconds: outcome.retryAfterSeconds }, 'sign-in refused: too many failures');
      throw rateLimited(outcome.retryAfterSeconds, 'Too many failed sign-in attempts. Wait before trying again.');
    }
    if (!outcome.ok) {
      request.log.warn({ event: 'sign_in_failed', reason: outcome.reason, personId: outcome.personId }, 'sign-in failed');
      throw new ApiError('unauthorised', REFUSED);
    }
    request.log.info({ event: 'signed_in', personId: outcome.personId, sessionId: outcome.session.id }, 'signed in');
    return {
      token: outcome.session.token,
      sessionId: outcome.session.id,
      personId: outcome.personId,
      expiresAt: outcome.session.expiresAt,
      idleTimeoutSeconds: deps.config.sessions.idleSeconds,
      mustChangePassword: outcome.mustChangePassword,
    };
  },
});

export const signOutRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-out',
  operationId: 'signOut',
  summary: 'End this session; its token is refused from then on',
  tag: 'sessions',
  auth: 'session_before_password_change',
  value: z.strictObject({ signedOut: z.literal(true) }),
  errors: [],
  async handle({ deps, now, auth, request }) {
    const { session } = auth;
    await deps.db.transaction(async (tx) => {
      if (!(await revokeSession(tx, session.id, 'sign_out', now))) return;
      await appendAudit(tx, now, {
        actorId: session.personId,
        clientId: session.clientId,
        action: 'session.sign_out',
        entityType: 'session',
        entityId: session.id,
        before: { sessionId: session.id, revokedAt: null },
        after: { sessionId: session.id, revokedAt: now.toISOString(), revokedReason: 'sign_out' },
      });
    });
    request.log.info({ event: 'signed_out', personId: session.personId, sessionId: session.id }, 'signed out');
    return { signedOut: true as const };
  },
});

export const changePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/password',
  operationId: 'changePassword',
  summary: 'Change your own password (required after a one-time password); ends your other sessions',
  tag: 'sessions',
  auth: 'session_before_password_change',
  body: z.strictObject({
    currentPassword: password('your current password'),
    newPassword: password('a new password').min(12, { error: 'Choose a password of at least 12 characters' }),
  }),
  value: z.strictObject({ passwordChanged: z.literal(true), otherSessionsRevoked: z.int() }),
  errors: ['rate_limited', 'payload_too_large'],
  async handle({ deps, now, auth, body, request }) {
    const { session } = auth;
    try {
      const outcome = await changePassword(
        { db: deps.db, now, config: deps.config },
        { personId: session.personId, sessionId: session.id, clientId: session.clientId, ...body },
      );
      if (!outcome.ok) throw rateLimited(outcome.retryAfterSeconds, 'Too many wrong current passwords. Wait before trying again.');
      request.log.info({ event: 'password_changed', personId: session.personId, sessionId: session.id }, 'password changed');
      return { passwordChanged: true as const, otherSessionsRevoked: outcome.otherSessionsRevoked };
    } catch (error) {
      if (error instanceof DomainError && error.fields.currentPassword !== undefined) {
        request.log.warn({ event: 'password_change_failed', personId: session.personId, sessionId: session.id }, 'wrong current password');
      }
      throw error;
    }
  },
});

export const meRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/me',
  operationId: 'me',
  summary: 'Who the token belongs to: their directory entry, roles and session',
  tag: 'sessions',
  auth: 'session_before_password_change',
  value: z.strictObject({
    person: personSchema,
    mustChangePassword: z.boolean(),
    session: z.strictObject({ id: z.uuid(), expiresAt: isoTimestamp }),
  }),
  errors: ['not_found'],
  async handle({ deps, auth }) {
    const person = await getPerson(deps.db, auth.actor, auth.actor.personId);
    if (!person) throw new ApiError('not_found', 'Your directory entry no longer exists');
    return { person, mustChangePassword: auth.session.mustChangePassword, session: { id: auth.session.id, expiresAt: auth.session.expiresAt } };
  },
});
