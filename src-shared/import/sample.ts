import { ASSET_TYPES } from '../domain/asset';
import { penceToPounds } from '../domain/money';
import { PERSON_STATUSES, ROLES } from '../domain/roles';
import type { ImportSampleRow } from './contract';
import type { PlannedAsset } from './reconcile/assets';
import type { PlannedPerson } from './reconcile/people';

/** The preview's sample table: what will be stored, as the person would read it, so a swapped column shows. */
export const ASSET_SAMPLE_COLUMNS = [
  'Row',
  'Asset tag',
  'Serial number',
  'Type',
  'Make and model',
  'IMEI',
  'Phone number',
  'Purchase date',
  'Purchase value',
  'Location',
  'Notes',
  'Holder in the file',
] as const;

export const PEOPLE_SAMPLE_COLUMNS = ['Row', 'Staff number', 'Name', 'Email', 'Line manager', 'Roles', 'Status', 'Security training completed'] as const;

export function assetSample({ row, args, holder }: PlannedAsset): ImportSampleRow {
  const cells: Record<(typeof ASSET_SAMPLE_COLUMNS)[number], string> = {
    Row: String(row),
    'Asset tag': args.assetTag,
    'Serial number': args.serialNumber,
    Type: ASSET_TYPES[args.type],
    'Make and model': args.model,
    IMEI: args.imei ?? '',
    'Phone number': args.phoneNumber ?? '',
    'Purchase date': args.purchaseDate ?? '',
    'Purchase value': args.purchaseValuePence === null ? '' : penceToPounds(args.purchaseValuePence),
    Location: args.location ?? '',
    Notes: args.notes ?? '',
    'Holder in the file': holder ?? '',
  };
  return cells;
}

export function personSample({ row, args, lineManager }: PlannedPerson): ImportSampleRow {
  const cells: Record<(typeof PEOPLE_SAMPLE_COLUMNS)[number], string> = {
    Row: String(row),
    'Staff number': args.staffNumber,
    Name: args.name,
    Email: args.email,
    'Line manager': lineManager ?? '',
    Roles: args.roles.map((role) => ROLES[role]).join(', '),
    Status: PERSON_STATUSES[args.status],
    'Security training completed': args.trainingCompletedOn ?? '',
  };
  return cells;
}
