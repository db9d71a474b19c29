import { PRODUCTION_PASSWORD_HASHING, type PasswordHashing } from '../auth/password';

export interface ThrottleLimit {
  /** Failed attempts allowed within the window; the next attempt is refused with 429 until the window ends. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
}

export interface ServerConfig {
  readonly sessions: {
    /** A session unused for this long has ended (the desk was left). */
    readonly idleSeconds: number;
    /** A session ends this long after sign-in however busy it is. */
    readonly absoluteSeconds: number;
    /** last_used_at is written at most this often, so reads do not each cost a write. */
    readonly touchIntervalSeconds: number;
  };
  readonly signInLimits: {
    /** Per account (email): slows guessing one person's password from many addresses. */
    readonly perAccount: ThrottleLimit;
    /** Per client address: slows one address trying many accounts. */
    readonly perAddress: ThrottleLimit;
  };
  readonly passwordHashing: PasswordHashing;
  /** Largest request body accepted; every body this API takes is a few hundred bytes. */
  readonly bodyLimitBytes: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address: false (none: the socket's address), true
   * (any), or a list of proxy addresses/CIDRs. Behind a load balancer it must be set, or every user shares the
   * balancer's address and its sign-in throttle; without one it must stay false, as the header is otherwise forgeable.
   */
  readonly trustProxy: boolean | readonly string[];
}

export const DEFAULT_SERVER_CONFIG: ServerConfig = {
  sessions: { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60, touchIntervalSeconds: 60 },
  signInLimits: {
    perAccount: { maxFailures: 5, windowSeconds: 15 * 60 },
    perAddress: { maxFailures: 50, windowSeconds: 15 * 60 },
  },
  passwordHashing: PRODUCTION_PASSWORD_HASHING,
  bodyLimitBytes: 16 * 1024,
  trustProxy: false,
};
