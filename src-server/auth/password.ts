import { hash, parseOptions, verify } from '@node-rs/argon2';

/** argon2id cost parameters (memory in KiB). */
export interface PasswordHashing {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/**
 * RFC 9106's second recommended argon2id setting (64 MiB, 3 passes), one lane: about a tenth to a quarter of a
 * second per sign-in here. Cheaper settings exist only for tests, and only when passed explicitly.
 */
export const PRODUCTION_PASSWORD_HASHING: PasswordHashing = { memoryCost: 65536, timeCost: 3, parallelism: 1 };

/** The longest password accepted: argon2 hashes any length, but an unbounded input is a denial-of-service lever. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * argon2id is @node-rs/argon2's default algorithm. (Its Algorithm enum is an ambient const enum, which isolated
 * modules cannot read, so it is not named here.) The accounts table only accepts "$argon2id$" hashes, and a test
 * checks the prefix, so a change of default could not slip through.
 */
export function hashPassword(password: string, params: PasswordHashing): Promise<string> {
  return hash(password, params);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash made with weaker settings than today's is replaced at the next successful sign-in. */
export function needsRehash(storedHash: string, params: PasswordHashing): boolean {
  try {
    const current = parseOptions(storedHash);
    return current.memoryCost < params.memoryCost || current.timeCost < params.timeCost || current.parallelism !== params.parallelism;
  } catch {
    return true;
  }
}
