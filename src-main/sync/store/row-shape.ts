import { JSON_FIELDS, TABLE_COLUMNS } from '../../../src-shared/domain/tables';
import { SYNCED_TABLES, type SyncedTable } from '../../../src-shared/sync/protocol';
import { badRow } from './sync-store-error';

/** A synced table's fields (domain names, TABLE_COLUMNS order), their columns, and which hold JSON text. */
export interface TableShape {
  readonly table: SyncedTable;
  readonly fields: readonly string[];
  readonly columns: readonly string[];
  readonly isJson: readonly boolean[];
  readonly fieldSet: ReadonlySet<string>;
}

function shapeOf(table: SyncedTable): TableShape {
  const entries = Object.entries(TABLE_COLUMNS[table]) as [string, string][];
  const json = new Set<string>((JSON_FIELDS[table] ?? []) as readonly string[]);
  return {
    table,
    fields: entries.map(([field]) => field),
    columns: entries.map(([, column]) => column),
    isJson: entries.map(([field]) => json.has(field)),
    fieldSet: new Set(entries.map(([field]) => field)),
  };
}

export const SHAPES: { readonly [T in SyncedTable]: TableShape } = {
  people: shapeOf('people'),
  assets: shapeOf('assets'),
  asset_events: shapeOf('asset_events'),
  aup_acknowledgements: shapeOf('aup_acknowledgements'),
  security_incidents: shapeOf('security_incidents'),
  loss_reports: shapeOf('loss_reports'),
  phone_suspensions: shapeOf('phone_suspensions'),
  incident_events: shapeOf('incident_events'),
  country_policy_versions: shapeOf('country_policy_versions'),
  country_policy_rules: shapeOf('country_policy_rules'),
  trips: shapeOf('trips'),
  trip_legs: shapeOf('trip_legs'),
  trip_devices: shapeOf('trip_devices'),
  trip_events: shapeOf('trip_events'),
  travel_notices: shapeOf('travel_notices'),
};

const SYNCED = new Set<string>(SYNCED_TABLES);

export function isSyncedTable(name: unknown): name is SyncedTable {
  return typeof name === 'string' && SYNCED.has(name);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A pulled row (domain shape) as the values to bind, in `fields` order. Checks only what SQLite cannot: that the row
 * has exactly the table's fields and that each value is something SQLite stores (text, a number, null; JSON fields
 * encoded). Types, formats and allowed values are the STRICT tables' and CHECK constraints' job, row by row in C,
 * which is why a first sync of 390,000 rows runs no schema library per row.
 */
export function rowValues(shape: TableShape, row: unknown): unknown[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw badRow(shape.table, undefined, 'it is not an object');
  const record = row as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== 'string' || id === '') throw badRow(shape.table, id, 'it has no id');
  const values = new Array<unknown>(shape.fields.length);
  for (let i = 0; i < shape.fields.length; i += 1) {
    const field = shape.fields[i] as string;
    const value = record[field];
    if (value === undefined) throw badRow(shape.table, id, `it has no ${field}`);
    if (shape.isJson[i] === true) values[i] = JSON.stringify(value);
    else if (value === null || typeof value === 'string' || typeof value === 'number') values[i] = value;
    else throw badRow(shape.table, id, `its ${field} is ${describe(value)}, not text, a number or null`);
  }
  let keys = 0;
  for (const key in record) if (Object.hasOwn(record, key)) keys += 1;
  if (keys !== shape.fields.length) {
    const unknown = Object.keys(record).find((key) => !shape.fieldSet.has(key)) ?? '?';
    throw badRow(shape.table, id, `it has a field this desktop does not know (${unknown.slice(0, 50)})`);
  }
  return values;
}
