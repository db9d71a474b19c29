import { createHash, timingSafeEqual } from 'node:crypto';

/** The only names the web shell answers to: anything else in Host is a DNS-rebinding attempt. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return host === `127.0.0.1:${String(port)}` || host === `localhost:${String(port)}`;
}

/**
 * Browsers send Origin on every cross-origin request and on every POST. A present Origin must be exactly ours
 * (compared after parsing, so "http://127.0.0.1:80@evil" or a trailing path cannot pass); an absent one is a
 * same-origin GET or a non-browser client, which still needs the secret to call anything.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'http:' &&
    (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost') &&
    parsed.port === String(port) &&
    parsed.origin === origin
  );
}

/** Compares digests in constant time, so the time taken says nothing about how much of a guess was right. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
