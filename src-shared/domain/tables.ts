import type { AssetRow } from './asset';
import type { PersonRow } from './person';

/** Row type of each synced table, keyed by table name. */
export interface Rows {
  people: PersonRow;
  assets: AssetRow;
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
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  assets: {
    id: 'id',
    assetTag: 'asset_tag',
    serialNumber: 'serial_number',
    type: 'type',
    model: 'model',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
} as const satisfies { [T in TableName]: { [K in keyof Rows[T]]-?: string } };
