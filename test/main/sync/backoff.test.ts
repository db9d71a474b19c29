import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from '../../../src-main/sync/engine/backoff';

describe('backoff schedule (exponential, full jitter)', () => {
  it('doubles the ceiling from 2 s up to the 60 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50, 5000].map((attempt) => backoffCeiling(attempt, DEFAULT_BACKOFF))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('picks uniformly below the ceiling (full jitter), never under the minimum', () => {
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999)).toBe(15_984);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(8_000);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(500);
    const sequence = [0.1, 0.9, 0.4, 0.7];
    expect(sequence.map((r, attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, () => r))).toEqual([500, 3_600, 3_200, 11_200]);
  });

  it("treats the server's Retry-After as a floor", () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0.9, 1_000)).toBe(54_000);
  });
});
