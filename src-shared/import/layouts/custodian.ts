import type { AssetField, Layout, PersonField } from './layout';

/**
 * Custodian's own templates (src-shared/import/README.md documents every column). `npm run cli -- template assets`
 * prints the header line; the CSV export writes the same columns, so an export imports back.
 */
export const CUSTODIAN_ASSETS: Layout<AssetField> = {
  kind: 'assets',
  format: 'custodian',
  title: "Custodian's asset template",
  columns: [
    { field: 'assetTag', names: ['asset_tag'] },
    { field: 'serialNumber', names: ['serial_number'] },
    { field: 'type', names: ['type'] },
    { field: 'model', names: ['model'] },
    { field: 'imei', names: ['imei'] },
    { field: 'phoneNumber', names: ['phone_number'] },
    { field: 'purchaseDate', names: ['purchase_date'] },
    { field: 'purchaseValue', names: ['purchase_value'] },
    { field: 'location', names: ['location'] },
    { field: 'notes', names: ['notes'] },
    { field: 'holderStaffNumber', names: ['holder_staff_number'] },
  ],
  required: ['assetTag', 'serialNumber', 'type', 'model'],
  exportOnly: ['holder_name', 'status'],
};

export const CUSTODIAN_PEOPLE: Layout<PersonField> = {
  kind: 'people',
  format: 'custodian',
  title: "Custodian's people template",
  columns: [
    { field: 'staffNumber', names: ['staff_number'] },
    { field: 'name', names: ['name'] },
    { field: 'email', names: ['email'] },
    { field: 'lineManager', names: ['line_manager_staff_number'] },
    { field: 'roles', names: ['roles'] },
    { field: 'status', names: ['status'] },
    { field: 'trainingCompletedOn', names: ['training_completed_on'] },
  ],
  required: ['staffNumber', 'name', 'email'],
  exportOnly: ['line_manager_name'],
};

/** The header line of each template, in column order. */
export function templateHeader(layout: Layout<string>): string {
  return layout.columns.map((spec) => spec.names[0] ?? spec.field).join(',');
}
