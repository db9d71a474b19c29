import { z } from 'zod';
import type { AssetStatus } from './asset-lifecycle';
import {
  identifierCode,
  optionalCalendarDate,
  optionalImei,
  optionalPence,
  optionalPhoneNumber,
  optionalPounds,
  optionalText,
  recordId,
  requiredText,
} from './fields';

/** Asset types, in the order a service desk thinks of them. The value is stored; the label is shown. */
export const ASSET_TYPES = {
  laptop: 'Laptop',
  desktop: 'Desktop',
  tablet: 'Tablet',
  smartphone: 'Smartphone',
  basic_mobile_phone: 'Basic mobile phone',
  smartcard: 'Smartcard',
  network_token: 'Network dongle or token',
  encrypted_usb: 'Encrypted USB storage',
  headset: 'Headset',
  monitor: 'Monitor',
  other: 'Other',
} as const;

export type AssetType = keyof typeof ASSET_TYPES;

const assetTypeValues = Object.keys(ASSET_TYPES) as [AssetType, ...AssetType[]];

/** Only phones have an IMEI and a number: on anything else they would be a typing mistake. */
export const PHONE_TYPES: readonly AssetType[] = ['smartphone', 'basic_mobile_phone'];

const requiredFields = {
  assetTag: identifierCode({ label: 'asset tag', max: 32 }),
  serialNumber: identifierCode({ label: 'serial number', max: 64 }),
  type: z.enum(assetTypeValues, { error: 'Select the type of asset' }),
  model: requiredText({ label: 'make and model', max: 120 }),
};

const optionalFields = {
  imei: optionalImei(),
  phoneNumber: optionalPhoneNumber(),
  purchaseDate: optionalCalendarDate('purchase date'),
  location: optionalText({ label: 'location', max: 120 }),
  notes: optionalText({ label: 'notes', max: 2000 }),
};

function phoneOnlyFields(value: { type: AssetType; imei: string | null; phoneNumber: string | null }, ctx: z.RefinementCtx): void {
  if (PHONE_TYPES.includes(value.type)) return;
  if (value.imei !== null) ctx.addIssue({ code: 'custom', path: ['imei'], message: 'Only phones have an IMEI: leave it blank for this type' });
  if (value.phoneNumber !== null) {
    ctx.addIssue({ code: 'custom', path: ['phoneNumber'], message: 'Only phones have a phone number: leave it blank for this type' });
  }
}

/** What a person fills in on the "Add an asset" form: the value in pounds and pence, as typed. */
export const assetFormSchema = z
  .strictObject({ ...requiredFields, ...optionalFields, purchaseValue: optionalPounds('purchase value') })
  .superRefine(phoneOnlyFields);

/** The `asset.create` mutator's arguments: the client-made id (so a replay on the server is identical), value in pence. */
export const assetCreateArgs = z
  .strictObject({ id: recordId('asset'), ...requiredFields, ...optionalFields, purchaseValuePence: optionalPence('purchase value') })
  .superRefine(phoneOnlyFields);

export type AssetCreateArgs = z.output<typeof assetCreateArgs>;

export interface AssetRow {
  readonly id: string;
  readonly assetTag: string;
  readonly serialNumber: string;
  readonly type: AssetType;
  readonly model: string;
  readonly imei: string | null;
  readonly phoneNumber: string | null;
  readonly purchaseDate: string | null;
  readonly purchaseValuePence: number | null;
  readonly location: string | null;
  readonly notes: string | null;
  readonly status: AssetStatus;
  /** The person who holds it: set exactly when the status is issued. */
  readonly holderId: string | null;
  readonly statusChangedAt: string;
  /** The account that set the status; null before sign-in exists on the desktop. */
  readonly statusChangedBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
