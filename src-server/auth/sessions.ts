import { ROLE_VALUES, type Role } from '../../src-shared/domain/roles';
import { newId } from '../../src-shared/ids';
import type { ServerConfig } from '../config/server-config';
import type { Queryable } from '../db/database';
import { isoTime, isoTimeOrNull } from '../db/rows';
import { notifySessionRevoked, notifySessionsRevoked } from '../sync/notifications';
import { addSeconds } from '../time/clock';
import { hashToken, newSessionToken } from './tokens';

export type RevokeReason = 'sign_out' | 'account_disabled' | 'password_changed';

export interface NewSession {
  readonly id: string;
  /** Returned to the client once; only its hash is stored. */
  readonly token: string;
  readonly expiresAt: string;
}

/** A session with what authentication needs to know about its account, read in one query. */
export interface SessionRecord {
  readonly id: string;
  readonly personId: string;
  readonly clientId: string | null;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly accountDisabledAt: string | null;
  readonly personStatus: string;
  readonly mustChangePassword: boolean;
  readonly roles: readonly Role[];
}

export async function createSession(
  tx: Queryable,
  sessions: ServerConfig['sessions'],
  session: { personId: string; clientId: string | null; now: Date },
): Promise<NewSession> {
  const id = newId();
  const token = newSessionToken();
  const expiresAt = addSeconds(session.now, sessions.absoluteSeconds).toISOString();
  await tx.query(
    `INSERT INTO sessions (id, token_hash, person_id, client_id, created_at, last_used_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [id, hashToken(token), session.personId, session.clientId, session.now.toISOString(), expiresAt],
  );
  return { id, token, expiresAt };
}

interface SessionRow {
  id: string;
  person_id: string;
  client_id: string | null;
  last_used_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
  disabled_at: unknown;
  status: string;
  must_change_password: boolean;
  roles: string[];
}

function knownRoles(stored: readonly string[]): Role[] {
  return ROLE_VALUES.filter((role) => stored.includes(role));
}

const SELECT_SESSIONS = `SELECT s.id::text AS id, s.person_id::text AS person_id, s.client_id, s.last_used_at, s.expires_at, s.revoked_at,
            a.disabled_at, a.must_change_password, p.status, p.roles
       FROM sessions s
       JOIN accounts a ON a.person_id = s.person_id
       JOIN people p ON p.id = s.person_id`;

function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    personId: row.person_id,
    clientId: row.client_id,
    lastUsedAt: isoTime(row.last_used_at),
    expiresAt: isoTime(row.expires_at),
    revokedAt: isoTimeOrNull(row.revoked_at),
    accountDisabledAt: isoTimeOrNull(row.disabled_at),
    personStatus: row.status,
    mustChangePassword: row.must_change_password,
    roles: knownRoles(row.roles),
  };
}

export async function findSessionByToken(db: Queryable, token: string): Promise<SessionRecord | undefined> {
  const { rows } = await db.query<SessionRow>(`${SELECT_SESSIONS} WHERE s.token_hash = $1`, [hashToken(token)]);
  const row = rows[0];
  return row ? toSessionRecord(row) : undefined;
}

/** Several sessions by id in one query (re-checking long-lived poke streams); unknown ids are simply absent. */
export async function findSessionsById(db: Queryable, ids: readonly string[]): Promise<SessionRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<SessionRow>(`${SELECT_SESSIONS} WHERE s.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toSessionRecord);
}

/** Records use, at most once per touch interval (a read should not cost a write every time). */
export async function touchSession(db: Queryable, session: SessionRecord, now: Date, touchIntervalSeconds: number): Promise<void> {
  if (now.getTime() - Date.parse(session.lastUsedAt) < touchIntervalSeconds * 1000) return;
  await db.query('UPDATE sessions SET last_used_at = $2 WHERE id = $1 AND revoked_at IS NULL AND last_used_at < $2', [session.id, now.toISOString()]);
}

/** Ends one session. Its open poke streams, on every instance, are closed once the transaction commits. */
export async function revokeSession(tx: Queryable, sessionId: string, reason: RevokeReason, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [
    sessionId,
    now.toISOString(),
    reason,
  ]);
  if (rowCount === 1) await notifySessionRevoked(tx, sessionId);
  return rowCount === 1;
}

/** Ends every live session of a person (optionally but one), returning how many ended; their poke streams close too. */
export async function revokeAllSessions(
  tx: Queryable,
  personId: string,
  reason: RevokeReason,
  now: Date,
  exceptSessionId: string | null = null,
): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
      WHERE person_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [personId, now.toISOString(), reason, exceptSessionId],
  );
  if (rowCount > 0) await notifySessionsRevoked(tx, personId);
  return rowCount;
}
