const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Texts that can be a unique key a mutator looks up: an asset tag or staff number (identifierCode: upper-case letters,
 * digits, . / -) or an email address. Names, models and notes never are, and are left out of the prefetch.
 */
const IDENTIFIER = /^[A-Z0-9][A-Z0-9./-]{0,63}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

function mayBeKey(text: string): boolean {
  return IDENTIFIER.test(text) || EMAIL.test(text);
}

export interface ArgValues {
  readonly uuids: Set<string>;
  readonly strings: Set<string>;
}

/**
 * Every id and key-shaped text in a push's parsed arguments: the rows a mutator will look up are almost always named there
 * (the asset being issued, the person it goes to, the tag that must not clash), so the push loads them all in one
 * statement per table first. A value that names nothing costs nothing; a lookup missed here still reads the database.
 */
export function collectArgValues(args: readonly unknown[]): ArgValues {
  const values: ArgValues = { uuids: new Set(), strings: new Set() };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (UUID.test(value)) values.uuids.add(value.toLowerCase());
      else if (mayBeKey(value)) values.strings.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const value of args) visit(value, 0);
  return values;
}
