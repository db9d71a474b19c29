/**
 * Where the server gets "now". Injected everywhere time matters (session expiry, throttling windows, audit
 * timestamps) so tests move time on explicitly instead of sleeping; the database's own now() is never used.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
