import { assetCreateArgs, PHONE_TYPES, type AssetCreateArgs, type AssetType } from '../../domain/asset';
import { fieldErrors } from '../../validation';
import type { CsvRecord } from '../csv-reader';
import type { IssueLog } from '../issues';
import type { AssetField, Binding } from '../layouts/layout';
import { freeTextReference, staffNumberReference, type PersonReference } from '../reconcile/people-index';
import { parseAssetType, snipeCategoryType } from '../values/asset-type';
import { parseImportDate } from '../values/dates';
import { parseImportPounds } from '../values/money';

/** One data row of an asset file, read and checked on its own (duplicates and holders are checked across rows later). */
export interface AssetCandidate {
  readonly row: number;
  /** Upper-cased tag and serial, for duplicate checks; null when the cell is empty. */
  readonly tag: string | null;
  readonly serial: string | null;
  /** The asset.create arguments, or null when the row has errors of its own. */
  readonly args: AssetCreateArgs | null;
  readonly holder: PersonReference | null;
  /** Snipe-IT's "Type" beside "Checked Out": user, location or asset. */
  readonly holderKind: string;
  /** Snipe-IT's status label, for the warning when it cannot be carried over. */
  readonly status: string;
}

/** Where a schema field's problem is reported: the column it came from. */
const SCHEMA_FIELD_COLUMNS: Readonly<Record<string, AssetField>> = {
  assetTag: 'assetTag',
  serialNumber: 'serialNumber',
  type: 'type',
  model: 'model',
  imei: 'imei',
  phoneNumber: 'phoneNumber',
  purchaseDate: 'purchaseDate',
  purchaseValuePence: 'purchaseValue',
  location: 'location',
  notes: 'notes',
};

/** Snipe-IT keeps the maker apart ("Dell" + "Latitude 7450"); Custodian's model is the make and model together. */
function makeAndModel(manufacturer: string, model: string): string {
  if (manufacturer === '' || model.toLowerCase().startsWith(manufacturer.toLowerCase())) return model;
  return model === '' ? '' : `${manufacturer} ${model}`;
}

function holderOf(binding: Binding<AssetField>, fields: readonly string[]): PersonReference | null {
  const staffNumber = binding.cell(fields, 'holderStaffNumber');
  if (binding.layout.format === 'custodian') return staffNumber === '' ? null : staffNumberReference(staffNumber, binding.column('holderStaffNumber'));
  const name = binding.cell(fields, 'holderName');
  const email = binding.cell(fields, 'holderEmail');
  if (name === '' && staffNumber === '' && email === '') return null;
  const fromName = freeTextReference(name, binding.column('holderName'));
  return {
    ...fromName,
    staffNumber: staffNumber === '' ? fromName.staffNumber : staffNumber.toUpperCase(),
    email: email === '' ? fromName.email : email.toLowerCase(),
    text: name === '' ? staffNumber || email : name,
  };
}

export function readAssetRow(record: CsvRecord, binding: Binding<AssetField>, log: IssueLog, newId: () => string): AssetCandidate {
  const { row, fields } = record;
  const cell = (field: AssetField) => binding.cell(fields, field);
  const problem = (field: AssetField, message: string) => log.error(row, binding.column(field), message);
  const snipe = binding.layout.format === 'snipeit';

  const type = snipe ? snipeCategoryType(cell('type')) : parseAssetType(cell('type'));
  if (!type.ok) problem('type', type.message);
  const purchaseDate = parseImportDate(cell('purchaseDate'), { label: 'purchase date', allowTime: snipe });
  if (!purchaseDate.ok) problem('purchaseDate', purchaseDate.message);
  const purchaseValue = parseImportPounds(cell('purchaseValue'), 'purchase value');
  if (!purchaseValue.ok) problem('purchaseValue', purchaseValue.message);

  let imei = cell('imei');
  let phoneNumber = cell('phoneNumber');
  // Snipe-IT attaches custom fields to whole categories, so a laptop can carry an IMEI field. Custodian keeps IMEIs
  // and numbers for phones only: on a migration that is a note, not a reason to leave the asset behind.
  if (snipe && type.ok && !PHONE_TYPES.includes(type.value)) {
    if (imei !== '') log.warning(row, binding.column('imei'), `IMEI ${imei} is not imported: Custodian records IMEIs for phones only`);
    if (phoneNumber !== '') log.warning(row, binding.column('phoneNumber'), `Phone number ${phoneNumber} is not imported: Custodian records numbers for phones only`);
    imei = '';
    phoneNumber = '';
  }

  const parsed = assetCreateArgs.safeParse({
    id: newId(),
    assetTag: cell('assetTag'),
    serialNumber: cell('serialNumber'),
    // An unknown type is already reported; a phone type stands in so IMEI and number are still checked for format.
    type: type.ok ? type.value : ('smartphone' satisfies AssetType),
    model: snipe ? makeAndModel(cell('manufacturer'), cell('model')) : cell('model'),
    imei: imei === '' ? null : imei,
    phoneNumber: phoneNumber === '' ? null : phoneNumber,
    purchaseDate: purchaseDate.ok ? purchaseDate.value : null,
    purchaseValuePence: purchaseValue.ok ? purchaseValue.value : null,
    location: cell('location'),
    notes: cell('notes'),
  });
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const field = SCHEMA_FIELD_COLUMNS[path];
      log.error(row, field === undefined ? '' : binding.column(field), message);
    }
  }
  const tag = cell('assetTag').toUpperCase();
  const serial = cell('serialNumber').toUpperCase();
  return {
    row,
    tag: tag === '' ? null : tag,
    serial: serial === '' ? null : serial,
    args: parsed.success && !log.hasErrors(row) ? parsed.data : null,
    holder: holderOf(binding, fields),
    holderKind: cell('holderKind').toLowerCase(),
    status: cell('status'),
  };
}
