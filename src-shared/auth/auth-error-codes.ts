/**
 * Error codes the API answers a refused session with, beside the shared `unauthorised` (src-shared/result.ts), when the
 * client must act differently. They travel in the API's usual envelope, `{ ok: false, error: { code, message, fields } }`:
 *
 *   unauthorised      401  no token, or the session ended (signed out, revoked, expired, idle): sign in again;
 *                          anything made on the desktop meanwhile is kept and sent after signing in;
 *   account_disabled  401  the session's account has been disabled, or its person has left the organisation: the
 *                          sign-in will not work again, so the desktop exports its unsent changes to a recovery file
 *                          and removes that account's records (DESIGN.md, "Security": leavers).
 *
 * 401 rather than 403 for a disabled account: it is the credentials that no longer work (RFC 9110: 403 means the
 * credentials were understood and are fine but not enough), and every client that only reads the status still does
 * the right first thing, which is to stop using the token.
 *
 * Sign-in itself still answers every refusal with `unauthorised`, disabled accounts included, so that it never tells a
 * stranger which accounts exist; `account_disabled` is only said to a holder of one of that account's session tokens.
 */
export const AUTH_ERROR_CODES = ['account_disabled'] as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export const ACCOUNT_DISABLED: AuthErrorCode = 'account_disabled';
