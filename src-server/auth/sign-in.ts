import type { ServerConfig } from '../config/server-config';
import { appendAudit } from '../audit/append-audit';
import type { Database } from '../db/database';
import { hashPassword, needsRehash, verifyPassword, type PasswordHashing } from './password';
import { createSession, type NewSession } from './sessions';
import { checkThrottle, clearThrottle, recordFailure, throttleKey } from './throttle';

export interface SignInRequest {
  /** Already normalised (trimmed, lower-case) by the request schema. */
  readonly email: string;
  readonly password: string;
  /** The desktop installation signing in, if it said; recorded on the session and in the audit log. */
  readonly clientId: string | null;
  /** The client's address, used only as a throttling key (hashed). */
  readonly address: string;
}

export type SignInRefusal = 'unknown_account' | 'no_account' | 'wrong_password' | 'account_disabled' | 'person_left';

export type SignInOutcome =
  | { readonly ok: true; readonly personId: string; readonly session: NewSession; readonly mustChangePassword: boolean }
  | { readonly ok: false; readonly kind: 'throttled'; readonly retryAfterSeconds: number }
  | { readonly ok: false; readonly kind: 'refused'; readonly reason: SignInRefusal; readonly personId: string | null };

interface CandidateRow {
  person_id: string;
  status: string;
  password_hash: string | null;
  disabled_at: unknown;
  must_change_password: boolean | null;
}

type Account = CandidateRow & { readonly password_hash: string };

/** Refused unless the person exists, has an account, gave its password, is not disabled and has not left. */
function decide(candidate: CandidateRow | undefined, passwordMatches: boolean): { refusal: SignInRefusal } | { account: Account } {
  if (!candidate) return { refusal: 'unknown_account' };
  const { password_hash: passwordHash } = candidate;
  if (passwordHash === null) return { refusal: 'no_account' };
  if (!passwordMatches) return { refusal: 'wrong_password' };
  if (candidate.disabled_at !== null) return { refusal: 'account_disabled' };
  if (candidate.status === 'left') return { refusal: 'person_left' };
  return { account: { ...candidate, password_hash: passwordHash } };
}

/**
 * A hash to verify against when there is no account, so an unknown email costs the same time as a wrong password
 * and response times do not reveal who has an account. Made once per process and per cost setting.
 */
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(params: PasswordHashing): Promise<string> {
  const key = JSON.stringify(params);
  let made = dummyHashes.get(key);
  if (!made) {
    made = hashPassword('not a real password: equalises timing for unknown accounts', params);
    dummyHashes.set(key, made);
  }
  return made;
}

export interface SignInDeps {
  readonly db: Database;
  readonly now: Date;
  readonly config: ServerConfig;
}

/**
 * Email + password sign-in. Throttled per account and per client address before the password is even looked at;
 * every kind of refusal looks the same to the client; success opens a session and audits it in one transaction.
 */
export async function signIn({ db, now, config }: SignInDeps, request: SignInRequest): Promise<SignInOutcome> {
  const accountKey = throttleKey('account', request.email, config.signInLimits.perAccount);
  const addressKey = throttleKey('address', request.address, config.signInLimits.perAddress);
  const throttle = await checkThrottle(db, [accountKey, addressKey], now);
  if (throttle.blocked) return { ok: false, kind: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const { rows } = await db.query<CandidateRow>(
    `SELECT p.id::text AS person_id, p.status, a.password_hash, a.disabled_at, a.must_change_password
       FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.email = $1`,
    [request.email],
  );
  const candidate = rows[0];
  const storedHash = candidate?.password_hash ?? (await dummyHash(config.passwordHashing));
  const passwordMatches = await verifyPassword(storedHash, request.password);

  const decision = decide(candidate, passwordMatches);
  if ('refusal' in decision) {
    await recordFailure(db, [accountKey, addressKey], now);
    return { ok: false, kind: 'refused', reason: decision.refusal, personId: candidate?.person_id ?? null };
  }

  const { account } = decision;
  const personId = account.person_id;
  const rehash = needsRehash(account.password_hash, config.passwordHashing) ? await hashPassword(request.password, config.passwordHashing) : null;
  const session = await db.transaction(async (tx) => {
    await clearThrottle(tx, accountKey);
    if (rehash !== null) await tx.query('UPDATE accounts SET password_hash = $2 WHERE person_id = $1', [personId, rehash]);
    const opened = await createSession(tx, config.sessions, { personId, clientId: request.clientId, now });
    await appendAudit(tx, now, {
      actorId: personId,
      clientId: request.clientId,
      action: 'session.sign_in',
      entityType: 'session',
      entityId: opened.id,
      before: null,
      after: { sessionId: opened.id, personId, clientId: request.clientId, expiresAt: opened.expiresAt },
    });
    return opened;
  });
  return { ok: true, personId, session, mustChangePassword: account.must_change_password === true };
}
