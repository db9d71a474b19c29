import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's own request id may look like: short, and nothing that could carry personal data or break a log line. */
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Every request gets an id that appears on each of its log lines and in the X-Request-Id response header. A load
 * balancer or integration may pass its own (to follow a call across systems); anything unusual is replaced.
 */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
