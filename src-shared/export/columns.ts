import type { AssetListRow } from '../api/asset-queries';
import { ASSET_TYPES } from '../domain/asset';
import { ASSET_STATUSES } from '../domain/asset-lifecycle';
import type { PersonRow } from '../domain/person';
import { PERSON_STATUSES, ROLES } from '../domain/roles';

/**
 * The columns of each export, shared by the CSV and XLSX writers. `key` is the CSV header: Custodian's own template
 * names, so a CSV export imports back (holder_name and status are export-only and ignored on import). `label` heads
 * the XLSX sheet, which people read rather than re-import.
 */
export interface ExportColumn<Row> {
  readonly key: string;
  readonly label: string;
  /** XLSX column width, in characters. */
  readonly width: number;
  /** pounds: the value is whole pence, shown as £; date: YYYY-MM-DD. */
  readonly format: 'text' | 'pounds' | 'date';
  value(row: Row): string | number | null;
}

export interface AssetExportRow extends AssetListRow {
  readonly holderStaffNumber: string | null;
}

export interface PersonExportRow extends PersonRow {
  readonly lineManagerStaffNumber: string | null;
  readonly lineManagerName: string | null;
}

export const ASSET_EXPORT_COLUMNS: readonly ExportColumn<AssetExportRow>[] = [
  { key: 'asset_tag', label: 'Asset tag', width: 14, format: 'text', value: (a) => a.assetTag },
  { key: 'serial_number', label: 'Serial number', width: 20, format: 'text', value: (a) => a.serialNumber },
  { key: 'type', label: 'Type', width: 22, format: 'text', value: (a) => ASSET_TYPES[a.type] },
  { key: 'model', label: 'Make and model', width: 30, format: 'text', value: (a) => a.model },
  { key: 'imei', label: 'IMEI', width: 17, format: 'text', value: (a) => a.imei },
  { key: 'phone_number', label: 'Phone number', width: 16, format: 'text', value: (a) => a.phoneNumber },
  { key: 'purchase_date', label: 'Purchase date', width: 13, format: 'date', value: (a) => a.purchaseDate },
  { key: 'purchase_value', label: 'Purchase value', width: 14, format: 'pounds', value: (a) => a.purchaseValuePence },
  { key: 'location', label: 'Location', width: 20, format: 'text', value: (a) => a.location },
  { key: 'notes', label: 'Notes', width: 40, format: 'text', value: (a) => a.notes },
  { key: 'holder_staff_number', label: 'Holder staff number', width: 14, format: 'text', value: (a) => a.holderStaffNumber },
  { key: 'holder_name', label: 'Holder', width: 24, format: 'text', value: (a) => a.holderName },
  { key: 'status', label: 'Status', width: 12, format: 'text', value: (a) => ASSET_STATUSES[a.status] },
];

export const PEOPLE_EXPORT_COLUMNS: readonly ExportColumn<PersonExportRow>[] = [
  { key: 'staff_number', label: 'Staff number', width: 14, format: 'text', value: (p) => p.staffNumber },
  { key: 'name', label: 'Name', width: 26, format: 'text', value: (p) => p.name },
  { key: 'email', label: 'Email', width: 32, format: 'text', value: (p) => p.email },
  { key: 'line_manager_staff_number', label: 'Line manager staff number', width: 14, format: 'text', value: (p) => p.lineManagerStaffNumber },
  { key: 'roles', label: 'Roles', width: 30, format: 'text', value: (p) => p.roles.map((role) => ROLES[role]).join('; ') },
  { key: 'status', label: 'Status', width: 10, format: 'text', value: (p) => PERSON_STATUSES[p.status] },
  { key: 'training_completed_on', label: 'Security training completed', width: 16, format: 'date', value: (p) => p.trainingCompletedOn },
  { key: 'line_manager_name', label: 'Line manager', width: 26, format: 'text', value: (p) => p.lineManagerName },
];

/** A cell as CSV text: pence as plain pounds (1299.99, no £, so it reads back and Excel sees a number). */
export function csvValue<Row>(column: ExportColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null) return '';
  if (column.format === 'pounds' && typeof value === 'number') return (value / 100).toFixed(2);
  return String(value);
}
