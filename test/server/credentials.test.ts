import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PRODUCTION_PASSWORD_HASHING, verifyPassword } from '../../src-server/auth/password';
import { bearerToken, hashToken, looksLikeSessionToken, newOneTimePassword, newSessionToken } from '../../src-server/auth/tokens';
import { DEFAULT_SERVER_CONFIG } from '../../src-server/config/server-config';
import { TEST_PASSWORD_HASHING } from './support/api';

describe('passwords', () => {
  it('are hashed with argon2id, verified, and never verified against a value that is not a hash', async () => {
    const hash = await hashPassword('correct horse battery staple', TEST_PASSWORD_HASHING);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('plain text', 'plain text')).toBe(false);
  });

  it('are strong by default (RFC 9106: 64 MiB, 3 passes); cheaper settings exist only where a test passes them', () => {
    expect(DEFAULT_SERVER_CONFIG.passwordHashing).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 1 });
    expect(PRODUCTION_PASSWORD_HASHING).toBe(DEFAULT_SERVER_CONFIG.passwordHashing);
  });

  it('made with weaker settings are flagged for rehashing at the next sign-in', async () => {
    const weak = await hashPassword('x', TEST_PASSWORD_HASHING);
    expect(needsRehash(weak, PRODUCTION_PASSWORD_HASHING)).toBe(true);
    expect(needsRehash(weak, TEST_PASSWORD_HASHING)).toBe(false);
    expect(needsRehash('garbage', TEST_PASSWORD_HASHING)).toBe(true);
  });
});

describe('session tokens and one-time passwords', () => {
  it('are random, well-formed, and hashed to 64 hex digits', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSessionToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(looksLikeSessionToken(token)).toBe(true);
    expect(hashToken('cus_x')).toMatch(/^[0-9a-f]{64}$/);
    const passwords = new Set(Array.from({ length: 200 }, () => newOneTimePassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
  });

  it('are read only from a well-formed bearer header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    for (const header of [undefined, '', 'Bearer', 'Bearer a b', 'Basic abc', 'abc']) expect(bearerToken(header)).toBeUndefined();
  });
});
