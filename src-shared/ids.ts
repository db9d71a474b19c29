import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

/** Web Crypto, present in Node 20+, browsers and Electron alike (src-shared may not import node:crypto or the DOM). */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/**
 * Random bytes for ids, drawn from Web Crypto 4 KB at a time: one getRandomValues call costs several microseconds in
 * Node, more than the rest of making an id, and an import makes one id per row.
 */
const pool = new Uint8Array(16 * 256);
let poolUsed = pool.length;

function random16(): Uint8Array {
  if (poolUsed === pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const bytes = pool.subarray(poolUsed, poolUsed + 16);
  poolUsed += 16;
  return bytes;
}

/** The RFC 9562 method 1 counter the uuid package keeps for itself, kept here because we pass our own random bytes. */
let lastMsecs = -Infinity;
let seq = 0;

/** Record ids are made by the client (UUIDv7: time-ordered and monotonic, so inserts stay index-friendly) and never reused. */
export function newId(): string {
  const now = Date.now();
  const random = random16();
  if (now > lastMsecs) {
    lastMsecs = now;
    // A fresh 31-bit counter seeded from the random bytes, as uuid does, so ids made in one millisecond still sort.
    seq = (((random[6] ?? 0) & 0x7f) << 24) | ((random[7] ?? 0) << 16) | ((random[8] ?? 0) << 8) | (random[9] ?? 0);
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs += 1;
  }
  return uuidv7({ random, msecs: lastMsecs, seq });
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

/** Fixed namespace for ids derived from a mutation's identity (UUIDv5 needs one; the value itself is arbitrary). */
const MUTATION_NAMESPACE = '6f1d3c2a-9b7e-4d5f-8a1c-2e3b4c5d6e7f';

let lastMutationKey = '';
let lastMutationBase = '';

/**
 * The n-th id a mutation makes: the same on every store that runs that mutation (the desktop's optimistic run, the
 * server's authoritative run, a replay). The mutation's own UUIDv5 (SHA-1 of clientId/mutationId) with n XORed into
 * its last 32 bits: ids of one mutation differ in those bits, ids of different mutations differ across the other 90
 * hashed bits (a clash needs 2^-90 luck). One SHA-1 per mutation rather than per id: an import batch makes 1,000
 * history events, and the pure-JavaScript SHA-1 costs ~7 µs each.
 */
export function mutationRecordId(clientId: string, mutationId: number, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) throw new RangeError(`A mutation's record number must be 1 to 2^32 - 1, not ${String(n)}`);
  const key = `${clientId}/${String(mutationId)}`;
  if (key !== lastMutationKey) {
    lastMutationBase = uuidv5(key, MUTATION_NAMESPACE);
    lastMutationKey = key;
  }
  const low = (Number.parseInt(lastMutationBase.slice(28), 16) ^ n) >>> 0;
  return `${lastMutationBase.slice(0, 28)}${low.toString(16).padStart(8, '0')}`;
}
