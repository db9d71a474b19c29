import { z } from 'zod';
import { identifierCode, recordId, requiredText } from './fields';

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

export const assetFields = {
  assetTag: identifierCode({ label: 'asset tag', max: 32 }),
  serialNumber: identifierCode({ label: 'serial number', max: 64 }),
  type: z.enum(assetTypeValues, { error: 'Select the type of asset' }),
  model: requiredText({ label: 'make and model', max: 120 }),
};

/** What a person fills in on the "Add an asset" form. */
export const assetFormSchema = z.strictObject(assetFields);

/** The `asset.create` mutator's arguments: the form plus the client-made id, so a replay on the server is identical. */
export const assetCreateArgs = z.strictObject({ id: recordId('asset'), ...assetFields });

export type AssetCreateArgs = z.output<typeof assetCreateArgs>;

export interface AssetRow {
  readonly id: string;
  readonly assetTag: string;
  readonly serialNumber: string;
  readonly type: AssetType;
  readonly model: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
