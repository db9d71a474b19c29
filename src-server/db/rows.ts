/**
 * The two drivers differ in how they hand back some types: pg returns bigint as a string and PGlite as a number;
 * both return timestamptz as a Date. Row mappers go through these so the API's output is the same on both.
 */
export function isoTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`Expected a timestamp, got ${typeof value}`);
}

export function isoTimeOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoTime(value);
}

export function integer(value: unknown): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw new TypeError(`Expected an integer, got ${typeof value}`);
  return number;
}

export function integerOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : integer(value);
}
