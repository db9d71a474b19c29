import type { AssetRow } from './asset';
import type { AssetEventRow } from './asset-event';
import type { AupAcknowledgementRow, PersonRow } from './person';

/** Row type of each synced table, keyed by table name. */
export interface Rows {
  people: PersonRow;
  assets: AssetRow;
  asset_events: AssetEventRow;
  aup_acknowledgements: AupAcknowledgementRow;
}

export type TableName = keyof Rows;

/**
 * Column names of each table, in domain (camelCase) → SQL (snake_case) form. Both stores build their SQL from this
 * map, so identifiers in generated SQL only ever come from here, never from input.
 */
export const TABLE_COLUMNS = {
  people: {
    id: 'id',
    staffNumber: 'staff_number',
    name: 'name',
    email: 'email',
    lineManagerId: 'line_manager_id',
    roles: 'roles',
    status: 'status',
    trainingCompletedOn: 'training_completed_on',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  assets: {
    id: 'id',
    assetTag: 'asset_tag',
    serialNumber: 'serial_number',
    type: 'type',
    model: 'model',
    imei: 'imei',
    phoneNumber: 'phone_number',
    purchaseDate: 'purchase_date',
    purchaseValuePence: 'purchase_value_pence',
    location: 'location',
    notes: 'notes',
    status: 'status',
    holderId: 'holder_id',
    statusChangedAt: 'status_changed_at',
    statusChangedBy: 'status_changed_by',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  asset_events: {
    id: 'id',
    assetId: 'asset_id',
    event: 'event',
    fromStatus: 'from_status',
    toStatus: 'to_status',
    personId: 'person_id',
    note: 'note',
    actorId: 'actor_id',
    clientId: 'client_id',
    at: 'at',
  },
  aup_acknowledgements: {
    id: 'id',
    personId: 'person_id',
    policyVersion: 'policy_version',
    acknowledgedAt: 'acknowledged_at',
    assetId: 'asset_id',
    recordedBy: 'recorded_by',
  },
} as const satisfies { [T in TableName]: { [K in keyof Rows[T]]-?: string } };

/** Fields stored as JSON text (SQLite has no array type); the stores encode and decode them. */
export const JSON_FIELDS: { readonly [T in TableName]?: readonly (keyof Rows[T])[] } = {
  people: ['roles'],
};
