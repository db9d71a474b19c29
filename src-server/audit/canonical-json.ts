export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * JSON with object keys sorted at every level and no whitespace: one text for one value, however the object was
 * built or however the database (jsonb reorders keys) hands it back. Hashes are taken over this text.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Audit values must be finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] ?? null)}`).join(',')}}`;
}

function normalise(value: unknown): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no -0 (it reads back as 0) and no NaN or infinities (null).
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('Audit values cannot hold a BigInt');
    case 'object':
      break;
  }
  if (value === null) return null;
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return normalise((withToJson.toJSON as () => unknown).call(value));
  if (Array.isArray(value)) return value.map((item: unknown) => normalise(item) ?? null);
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    const normalised = normalise(item);
    if (normalised === undefined) continue;
    // An own "__proto__" key is data (JSON.parse makes it so); plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: normalised, enumerable: true, writable: true, configurable: true });
    else out[key] = normalised;
  }
  return out;
}

/**
 * What JSON can carry, exactly as JSON.parse(JSON.stringify(value)) would give it and jsonb will store it: undefined
 * and functions dropped (null in arrays), Dates (anything with toJSON) as their JSON, non-finite numbers as null, -0 as 0.
 * Walked directly rather than through a text round trip: a push audits hundreds of changes at a time.
 */
export function toJsonValue(value: unknown): JsonValue {
  return normalise(value) ?? null;
}
