import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens are opaque: "cus_" and 32 random bytes (256 bits) in base64url. The prefix lets secret scanners
 * recognise a leaked token; only its SHA-256 is stored, so the sessions table cannot be replayed. A fast hash is
 * right here (unlike passwords): 256 random bits cannot be guessed, however fast each guess is.
 */
export const TOKEN_PREFIX = 'cus_';
const TOKEN_SHAPE = /^cus_[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeSessionToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** Reads "Authorization: Bearer <token>"; anything else is no token. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match?.[1];
}

/** Crockford's base32 alphabet: no I, L, O or U, so a password read aloud or copied by hand survives. */
const ONE_TIME_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A one-time password for a new account: 20 characters from 32 (100 bits), in groups of five. Each byte is reduced
 * modulo 32, which divides 256, so every character is equally likely.
 */
export function newOneTimePassword(): string {
  const chars = [...randomBytes(20)].map((byte) => ONE_TIME_ALPHABET.charAt(byte % 32));
  return [0, 5, 10, 15].map((start) => chars.slice(start, start + 5).join('')).join('-');
}
