import type { ImportKind } from '../contract';
import { cellText } from '../values/cell';

/** What the importer reads from an asset file, whichever layout it comes in. */
export type AssetField =
  | 'assetTag'
  | 'serialNumber'
  | 'type'
  | 'model'
  | 'manufacturer'
  | 'imei'
  | 'phoneNumber'
  | 'purchaseDate'
  | 'purchaseValue'
  | 'location'
  | 'notes'
  | 'holderStaffNumber'
  | 'holderName'
  | 'holderEmail'
  | 'holderKind'
  | 'status';

/** What the importer reads from a people file. */
export type PersonField = 'staffNumber' | 'name' | 'firstName' | 'lastName' | 'email' | 'lineManager' | 'roles' | 'status' | 'trainingCompletedOn';

export interface ColumnSpec<F extends string> {
  readonly field: F;
  /** Accepted header names, compared by headerKey (case, spaces and punctuation ignored). The first is canonical. */
  readonly names: readonly string[];
}

export interface Layout<F extends string> {
  readonly kind: ImportKind;
  readonly format: 'custodian' | 'snipeit';
  /** "Custodian's asset template", for messages. */
  readonly title: string;
  readonly columns: readonly ColumnSpec<F>[];
  /** Each entry must be present; an array entry means "any one of these". */
  readonly required: readonly (F | readonly F[])[];
  /** Columns Custodian's own export adds: ignored without a warning, so an export imports back cleanly. */
  readonly exportOnly?: readonly string[];
}

/** "Asset Tag", "asset_tag", " ASSET-TAG " all compare equal. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A layout fitted to one file's header: which column holds each field. */
export class Binding<F extends string> {
  constructor(
    readonly layout: Layout<F>,
    readonly header: readonly string[],
    private readonly indexes: ReadonlyMap<F, number>,
  ) {}

  has(field: F): boolean {
    return this.indexes.has(field);
  }

  /** The cell's text, trimmed; empty when the file has no such column. */
  cell(fields: readonly string[], field: F): string {
    const index = this.indexes.get(field);
    return index === undefined ? '' : cellText(fields[index]);
  }

  /** The column's name as the file writes it (what the person sees), or the layout's name for a missing column. */
  column(field: F): string {
    const index = this.indexes.get(field);
    if (index !== undefined) return this.header[index] ?? '';
    return this.layout.columns.find((spec) => spec.field === field)?.names[0] ?? field;
  }

  /** Header columns no field reads. */
  ignoredColumns(): string[] {
    const used = new Set(this.indexes.values());
    return this.header.filter((name, index) => !used.has(index) && name !== '');
  }
}
