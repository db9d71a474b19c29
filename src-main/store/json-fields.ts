import { JSON_FIELDS, type TableName } from '../../src-shared/domain/tables';

function jsonFields(table: TableName): readonly string[] {
  return JSON_FIELDS[table] ?? [];
}

/**
 * A row's values for `fields`, in that order, JSON fields as text: the positional parameters of a statement listing
 * those columns (binding by position skips encodeRow's copy of the row and a name look-up per parameter). As with
 * named parameters, a field the row does not have is an error, and one that is present but undefined binds NULL.
 */
export function encodeValues(table: TableName, row: object, fields: readonly string[]): unknown[] {
  const json = jsonFields(table);
  const source = row as Record<string, unknown>;
  const values = new Array<unknown>(fields.length);
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index] as string;
    const value = source[field];
    if (value === undefined && !(field in source)) throw new RangeError(`The ${table} row has no ${field} field`);
    values[index] = json.length > 0 && json.includes(field) ? JSON.stringify(value) : value;
  }
  return values;
}

/** SQLite has no arrays: a table's JSON fields go in as text… */
export function encodeRow(table: TableName, row: object): Record<string, unknown> {
  const encoded: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const field of jsonFields(table)) if (field in encoded) encoded[field] = JSON.stringify(encoded[field]);
  return encoded;
}

/** …and come out parsed. */
export function decodeRow(table: TableName, row: unknown): unknown {
  if (row === undefined) return undefined;
  const decoded = { ...(row as Record<string, unknown>) };
  for (const field of jsonFields(table)) if (typeof decoded[field] === 'string') decoded[field] = JSON.parse(decoded[field]) as unknown;
  return decoded;
}
