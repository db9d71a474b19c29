import { JSON_FIELDS, type TableName } from '../../src-shared/domain/tables';

function jsonFields(table: TableName): readonly string[] {
  return JSON_FIELDS[table] ?? [];
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
