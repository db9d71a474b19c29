import type { Actor } from '../../src-shared/auth/actor';
import type { ServerConfig } from '../config/server-config';
import type { Queryable } from '../db/database';
import { findSessionByToken, touchSession, type SessionRecord } from './sessions';
import { bearerToken, looksLikeSessionToken } from './tokens';

export interface Authenticated {
  readonly session: SessionRecord;
  readonly actor: Actor;
}

export type AuthFailureReason = 'no_token' | 'malformed_token' | 'unknown_token' | 'revoked' | 'expired' | 'idle' | 'account_disabled' | 'person_left';

/** Why a request was not authenticated, with the ids (never the token) that may be logged. */
export interface AuthFailure {
  readonly reason: AuthFailureReason;
  readonly sessionId?: string;
  readonly personId?: string;
}

export type AuthOutcome = { readonly ok: true; readonly value: Authenticated } | { readonly ok: false; readonly failure: AuthFailure };

function refuse(reason: AuthFailureReason, session?: SessionRecord): AuthOutcome {
  return { ok: false, failure: session ? { reason, sessionId: session.id, personId: session.personId } : { reason } };
}

/**
 * Why a stored session may no longer be used, or undefined while it may. The account is checked as well as the
 * session, so a disabled account is refused even if revoking its sessions had been missed.
 */
export function sessionRefusal(session: SessionRecord, now: Date, sessions: ServerConfig['sessions']): AuthFailureReason | undefined {
  if (session.accountDisabledAt !== null) return 'account_disabled';
  if (session.personStatus === 'left') return 'person_left';
  if (session.revokedAt !== null) return 'revoked';
  if (now.getTime() >= Date.parse(session.expiresAt)) return 'expired';
  if (now.getTime() >= Date.parse(session.lastUsedAt) + sessions.idleSeconds * 1000) return 'idle';
  return undefined;
}

/**
 * Checks a bearer token against the stored sessions on every request. The account is checked as well as the
 * session, so a disabled account is refused on its very next request even if revoking its sessions had been missed.
 */
export async function authenticate(
  db: Queryable,
  authorization: string | undefined,
  now: Date,
  sessions: ServerConfig['sessions'],
): Promise<AuthOutcome> {
  const token = bearerToken(authorization);
  if (token === undefined) return refuse('no_token');
  if (!looksLikeSessionToken(token)) return refuse('malformed_token');
  const session = await findSessionByToken(db, token);
  if (!session) return refuse('unknown_token');
  const refusal = sessionRefusal(session, now, sessions);
  if (refusal !== undefined) return refuse(refusal, session);
  await touchSession(db, session, now, sessions.touchIntervalSeconds);
  return { ok: true, value: { session, actor: { personId: session.personId, roles: session.roles } } };
}
