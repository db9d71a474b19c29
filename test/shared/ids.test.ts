import { describe, expect, it } from 'vitest';
import { isUuidV7, mutationRecordId, newId } from '../../src-shared/ids';

describe('newId', () => {
  it('makes valid, distinct UUIDv7s that sort in the order they were made (past the 256-id random pool)', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(ids.every(isUuidV7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('mutationRecordId', () => {
  it('is the same for the same mutation and position, and differs otherwise', () => {
    const client = newId();
    expect(mutationRecordId(client, 7, 1)).toBe(mutationRecordId(client, 7, 1));
    expect(new Set([mutationRecordId(client, 7, 1), mutationRecordId(client, 7, 2), mutationRecordId(client, 8, 1)]).size).toBe(3);
  });
});

describe('mutationRecordId derivation', () => {
  it('keeps the UUID version 5 and variant bits, and makes a thousand distinct ids per mutation', () => {
    const client = newId();
    const ids = Array.from({ length: 1000 }, (_, i) => mutationRecordId(client, 42, i + 1));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same id whatever was asked in between (the cache is only a shortcut)', () => {
    const [a, b] = [newId(), newId()];
    const first = mutationRecordId(a, 1, 3);
    mutationRecordId(b, 1, 3);
    expect(mutationRecordId(a, 1, 3)).toBe(first);
  });

  it('refuses a record number outside 1 to 2^32 - 1', () => {
    expect(() => mutationRecordId(newId(), 1, 0)).toThrow(RangeError);
    expect(() => mutationRecordId(newId(), 1, 2 ** 32)).toThrow(RangeError);
  });
});
