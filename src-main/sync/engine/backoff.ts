/**
 * Exponential backoff with full jitter (a random delay between zero and the exponential ceiling): many desktops that
 * lost the same server at the same moment spread their retries out instead of returning together.
 */
export interface BackoffPolicy {
  /** The ceiling of the first retry. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly capMs: number;
  /** No retry sooner than this, however the dice fall. */
  readonly minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60_000, minMs: 500 };

/** The ceiling for the attempt-th retry (0 = the first): base × 2^attempt, capped. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  // 2^attempt overflows to Infinity long before it matters; min() brings it back to the cap.
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
}

/**
 * How long to wait before the attempt-th retry. `random` is in [0, 1) (Math.random in the app, a fixed sequence in
 * tests). A server's Retry-After is a floor: it knows better than the dice.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs: number | null = null): number {
  const jittered = Math.floor(random() * backoffCeiling(attempt, policy));
  return Math.max(policy.minMs, jittered, retryAfterMs ?? 0);
}
