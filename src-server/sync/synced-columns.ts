import type { Resource } from '../../src-shared/auth/visibility';
import { TABLE_COLUMNS, type Rows } from '../../src-shared/domain/tables';
import { SYNCED_TABLES, type SyncedTable } from '../../src-shared/sync/protocol';
import { integerOrNull } from '../db/rows';

/**
 * How each synced column is stored in PostgreSQL (db/central), so rows can be read back in exactly the domain shape
 * the desktop stores and the mutators compare: ISO timestamps with milliseconds (`toISOString()` form), dates as
 * YYYY-MM-DD, uuids as lower-case text, bigints as numbers, text[] as arrays. Identifiers in SQL come from
 * TABLE_COLUMNS only; a test checks this map against the database catalogue.
 */
export type SqlKind = 'uuid' | 'text' | 'text[]' | 'date' | 'timestamptz' | 'bigint';

export const COLUMN_KINDS: { readonly [T in SyncedTable]: { readonly [K in keyof Rows[T]]-?: SqlKind } } = {
  people: {
    id: 'uuid',
    staffNumber: 'text',
    name: 'text',
    email: 'text',
    lineManagerId: 'uuid',
    roles: 'text[]',
    status: 'text',
    trainingCompletedOn: 'date',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  assets: {
    id: 'uuid',
    assetTag: 'text',
    serialNumber: 'text',
    type: 'text',
    model: 'text',
    imei: 'text',
    phoneNumber: 'text',
    purchaseDate: 'date',
    purchaseValuePence: 'bigint',
    location: 'text',
    notes: 'text',
    status: 'text',
    holderId: 'uuid',
    statusChangedAt: 'timestamptz',
    statusChangedBy: 'uuid',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  asset_events: {
    id: 'uuid',
    assetId: 'uuid',
    event: 'text',
    fromStatus: 'text',
    toStatus: 'text',
    personId: 'uuid',
    note: 'text',
    actorId: 'uuid',
    clientId: 'text',
    at: 'timestamptz',
  },
  aup_acknowledgements: {
    id: 'uuid',
    personId: 'uuid',
    policyVersion: 'text',
    acknowledgedAt: 'timestamptz',
    assetId: 'uuid',
    recordedBy: 'uuid',
  },
  security_incidents: {
    id: 'uuid',
    reference: 'text',
    assetId: 'uuid',
    assetTag: 'text',
    assetType: 'text',
    openAssetId: 'uuid',
    personId: 'uuid',
    lineManagerId: 'uuid',
    kind: 'text',
    occurredOn: 'date',
    status: 'text',
    openedAt: 'timestamptz',
    openedBy: 'uuid',
    outcome: 'text',
    recoveredOn: 'date',
    recoveredTo: 'text',
    replacementAssetId: 'uuid',
    writeOffValuePence: 'bigint',
    writeOffReason: 'text',
    costRecovery: 'text',
    closeNote: 'text',
    closedAt: 'timestamptz',
    closedBy: 'uuid',
    updatedAt: 'timestamptz',
  },
  loss_reports: {
    id: 'uuid',
    incidentId: 'uuid',
    assetId: 'uuid',
    personId: 'uuid',
    kind: 'text',
    occurredOn: 'date',
    location: 'text',
    circumstances: 'text',
    policeReference: 'text',
    policeNotReportedReason: 'text',
    deviceUnlocked: 'text',
    reportedBy: 'uuid',
    clientId: 'text',
    reportedAt: 'timestamptz',
  },
  phone_suspensions: {
    id: 'uuid',
    incidentId: 'uuid',
    assetId: 'uuid',
    personId: 'uuid',
    status: 'text',
    requestedAt: 'timestamptz',
    requestedBy: 'uuid',
    carrierReference: 'text',
    suspendedAt: 'timestamptz',
    suspendedBy: 'uuid',
    wipeRequestedAt: 'timestamptz',
    wipeRequestedBy: 'uuid',
    wipeConfirmedAt: 'timestamptz',
    wipeConfirmedBy: 'uuid',
    reinstatedAt: 'timestamptz',
    reinstatedBy: 'uuid',
    statusChangedAt: 'timestamptz',
    statusChangedBy: 'uuid',
  },
  incident_events: {
    id: 'uuid',
    incidentId: 'uuid',
    personId: 'uuid',
    event: 'text',
    note: 'text',
    actorId: 'uuid',
    clientId: 'text',
    at: 'timestamptz',
  },
  country_policy_versions: {
    id: 'uuid',
    policyVersion: 'bigint',
    effectiveAt: 'timestamptz',
    setBy: 'uuid',
    setByName: 'text',
    reason: 'text',
  },
  country_policy_rules: {
    id: 'uuid',
    policyVersion: 'bigint',
    country: 'text',
    tier: 'text',
    notify: 'text',
    setBy: 'uuid',
  },
  trips: {
    id: 'uuid',
    travellerId: 'uuid',
    travellerName: 'text',
    lineManagerId: 'uuid',
    type: 'text',
    justification: 'text',
    round: 'bigint',
    startsOn: 'date',
    endsOn: 'date',
    policyVersion: 'bigint',
    needsSecurity: 'text',
    status: 'text',
    statusSetBy: 'uuid',
    statusSetByName: 'text',
    statusSetAt: 'timestamptz',
    managerApprovedBy: 'uuid',
    managerApprovedByName: 'text',
    managerApprovedAt: 'timestamptz',
    managerApprovalReason: 'text',
    securityApprovedBy: 'uuid',
    securityApprovedByName: 'text',
    securityApprovedAt: 'timestamptz',
    securityApprovalReason: 'text',
    stoppedBy: 'uuid',
    stoppedByName: 'text',
    stoppedAt: 'timestamptz',
    stopReason: 'text',
    departedOn: 'date',
    updatedAt: 'timestamptz',
  },
  trip_legs: {
    id: 'uuid',
    tripId: 'uuid',
    travellerId: 'uuid',
    round: 'bigint',
    position: 'bigint',
    country: 'text',
    fromOn: 'date',
    toOn: 'date',
    notify: 'text',
    checkOnReturn: 'text',
  },
  trip_devices: {
    id: 'uuid',
    tripId: 'uuid',
    travellerId: 'uuid',
    round: 'bigint',
    position: 'bigint',
    assetId: 'uuid',
    assetTag: 'text',
    refusedReason: 'text',
    returnedOn: 'date',
    returnConfirmedBy: 'uuid',
    returnConfirmedAt: 'timestamptz',
    needsCheck: 'text',
  },
  trip_events: {
    id: 'uuid',
    tripId: 'uuid',
    travellerId: 'uuid',
    event: 'text',
    note: 'text',
    actorId: 'uuid',
    clientId: 'text',
    at: 'timestamptz',
  },
  travel_notices: {
    id: 'uuid',
    tripId: 'uuid',
    travellerId: 'uuid',
    tripType: 'text',
    countries: 'text',
    fromOn: 'date',
    toOn: 'date',
    policyVersion: 'bigint',
    createdAt: 'timestamptz',
  },
};

/** A synced row in domain shape, loosely typed: the generic code below handles every table alike. */
export type AnyRow = Readonly<Record<string, unknown>> & { readonly id: string };

export interface Column {
  readonly field: string;
  readonly column: string;
  readonly kind: SqlKind;
}

function describeColumns(table: SyncedTable): readonly Column[] {
  const names: Readonly<Record<string, string>> = TABLE_COLUMNS[table];
  const kinds: Readonly<Record<string, SqlKind>> = COLUMN_KINDS[table];
  return Object.entries(names).map(([field, column]) => ({ field, column, kind: kinds[field] ?? 'text' }));
}

const COLUMNS: { readonly [T in SyncedTable]: readonly Column[] } = {
  people: describeColumns('people'),
  assets: describeColumns('assets'),
  asset_events: describeColumns('asset_events'),
  aup_acknowledgements: describeColumns('aup_acknowledgements'),
  security_incidents: describeColumns('security_incidents'),
  loss_reports: describeColumns('loss_reports'),
  phone_suspensions: describeColumns('phone_suspensions'),
  incident_events: describeColumns('incident_events'),
  country_policy_versions: describeColumns('country_policy_versions'),
  country_policy_rules: describeColumns('country_policy_rules'),
  trips: describeColumns('trips'),
  trip_legs: describeColumns('trip_legs'),
  trip_devices: describeColumns('trip_devices'),
  trip_events: describeColumns('trip_events'),
  travel_notices: describeColumns('travel_notices'),
};

export function columnsOf(table: SyncedTable): readonly Column[] {
  return COLUMNS[table];
}

export function columnFor(table: SyncedTable, field: string): Column {
  const found = columnsOf(table).find((column) => column.field === field);
  if (!found) throw new Error(`${table} has no field ${field}`);
  return found;
}

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The SQL that reads one column in domain form. */
function readExpression(alias: string, { column, kind }: Column): string {
  const ref = `${alias}.${column}`;
  switch (kind) {
    case 'uuid':
      return `${ref}::text`;
    case 'date':
      return `to_char(${ref}, 'YYYY-MM-DD')`;
    case 'timestamptz':
      return `to_char(${ref} AT TIME ZONE 'UTC', ${ISO_MS})`;
    case 'text':
    case 'text[]':
    case 'bigint':
      return ref;
  }
}

function selectExpression(alias: string, column: Column): string {
  return `${readExpression(alias, column)} AS "${column.field}"`;
}

const jsonRows = new Map<string, string>();

/**
 * `json_build_object('id', t.id::text, …)::text`: a whole row in domain form as JSON text, made by the database, so a
 * pull page can pass rows into its response without parsing and re-serialising them (and rows of different tables can
 * come back from one statement).
 */
export function jsonRow(table: SyncedTable, alias: string): string {
  const key = `${table}:${alias}`;
  let expression = jsonRows.get(key);
  if (expression === undefined) {
    expression = `json_build_object(${columnsOf(table)
      .map((column) => `'${column.field}', ${readExpression(alias, column)}`)
      .join(', ')})::text`;
    jsonRows.set(key, expression);
  }
  return expression;
}

const selectLists = new Map<string, string>();

/** `t.id::text AS "id", …`: every column of `table` in domain form, for a table aliased `alias`. */
export function selectList(table: SyncedTable, alias: string): string {
  const key = `${table}:${alias}`;
  let list = selectLists.get(key);
  if (list === undefined) {
    list = columnsOf(table)
      .map((column) => selectExpression(alias, column))
      .join(', ');
    selectLists.set(key, list);
  }
  return list;
}

/** A row as read with selectList, normalised where the two drivers differ (pg returns bigint as text). */
export function decodeRow(table: SyncedTable, raw: Record<string, unknown>): AnyRow {
  const integers = BIGINT_FIELDS[table];
  if (integers.length === 0) return raw as AnyRow;
  const row: Record<string, unknown> = { ...raw };
  for (const field of integers) row[field] = integerOrNull(raw[field]);
  return row as unknown as AnyRow;
}

const BIGINT_FIELDS = Object.fromEntries(
  SYNCED_TABLES.map((table) => [table, COLUMNS[table].filter((column) => column.kind === 'bigint').map((column) => column.field)]),
) as unknown as { readonly [T in SyncedTable]: readonly string[] };

function canonicalTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/**
 * A row as it will read back from the database: only known fields, timestamps in toISOString() form, uuids in lower
 * case, arrays copied.
 * What a mutator wrote is held in this form, so a later read in the same push sees what a fresh read would.
 */
export function canonicalRow(table: SyncedTable, row: Readonly<Record<string, unknown>>): AnyRow {
  const out: Record<string, unknown> = {};
  for (const { field, kind } of columnsOf(table)) {
    const value = row[field] ?? null;
    if (kind === 'timestamptz') out[field] = canonicalTime(value);
    else if (kind === 'uuid' && typeof value === 'string') out[field] = value.toLowerCase();
    else if (kind === 'text[]' && Array.isArray(value)) out[field] = [...(value as unknown[])];
    else out[field] = value;
  }
  return out as AnyRow;
}

/** The row keyed by SQL column names, as jsonb_populate_recordset reads it. */
export function toColumnJson(table: SyncedTable, row: AnyRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field, column } of columnsOf(table)) out[column] = row[field] ?? null;
  return out;
}

/**
 * The person each synced row is about (visibility.ts's subjects), and the kind of record it counts as for
 * visibility. An AUP confirmation is about its person and is seen by whoever may see that person. A security incident
 * and everything of it (reports, the phone suspension, the timeline) is about the person who held the asset when it was
 * reported, a subject that never changes, so incident rows never leave anyone's sight.
 */
export const SUBJECTS: { readonly [T in SyncedTable]: { readonly resource: Resource; readonly field: string } } = {
  people: { resource: 'person', field: 'id' },
  assets: { resource: 'asset', field: 'holderId' },
  asset_events: { resource: 'asset_event', field: 'personId' },
  aup_acknowledgements: { resource: 'person', field: 'personId' },
  security_incidents: { resource: 'incident', field: 'personId' },
  loss_reports: { resource: 'incident', field: 'personId' },
  phone_suspensions: { resource: 'incident', field: 'personId' },
  incident_events: { resource: 'incident', field: 'personId' },
  // The country policy is for everyone to read (its reach is 'all' for every role): the subject only matters to who
  // may write it, and that is the security team's, over all.
  country_policy_versions: { resource: 'country_policy', field: 'setBy' },
  country_policy_rules: { resource: 'country_policy', field: 'setBy' },
  trips: { resource: 'trip', field: 'travellerId' },
  trip_legs: { resource: 'trip', field: 'travellerId' },
  trip_devices: { resource: 'trip', field: 'travellerId' },
  trip_events: { resource: 'trip', field: 'travellerId' },
  travel_notices: { resource: 'trip', field: 'travellerId' },
};

export function subjectOfRow(table: SyncedTable, row: AnyRow): string | null {
  const value = row[SUBJECTS[table].field];
  return typeof value === 'string' ? value : null;
}

export function subjectColumn(table: SyncedTable): string {
  return columnFor(table, SUBJECTS[table].field).column;
}

/**
 * Columns with a unique index (db/central/0001): a lookup by one of them names at most one row, so a push can answer
 * it from rows it already holds.
 */
export const UNIQUE_LOOKUPS: { readonly [T in SyncedTable]: readonly string[] } = {
  people: ['id', 'staffNumber', 'email'],
  assets: ['id', 'assetTag'],
  asset_events: ['id'],
  aup_acknowledgements: ['id'],
  // openAssetId is how a second report finds the asset's open incident: answered from the push's held rows, so two
  // reports of one asset in the same push see each other.
  security_incidents: ['id', 'reference', 'openAssetId'],
  loss_reports: ['id'],
  phone_suspensions: ['id', 'incidentId'],
  incident_events: ['id'],
  country_policy_versions: ['id'],
  country_policy_rules: ['id'],
  trips: ['id'],
  trip_legs: ['id'],
  trip_devices: ['id'],
  trip_events: ['id'],
  travel_notices: ['id'],
};

export function isSyncedTable(table: string): table is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}
