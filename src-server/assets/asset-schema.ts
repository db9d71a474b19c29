import { z } from 'zod';
import { ASSET_TYPES, type AssetType } from '../../src-shared/domain/asset';
import { ASSET_COMMANDS, ASSET_STATUS_VALUES } from '../../src-shared/domain/asset-lifecycle';
import { identifierCode } from '../../src-shared/domain/fields';
import { calendarDate, enumFilter, idParam, isoTimestamp, pageQuery } from '../http/schemas/common';

const ASSET_TYPE_VALUES = Object.keys(ASSET_TYPES) as [AssetType, ...AssetType[]];
const ASSET_EVENT_VALUES = ['create', ...ASSET_COMMANDS] as const;

/** An asset in the register, as the API returns it (AssetRow from src-shared). */
export const assetSchema = z
  .strictObject({
    id: z.uuid(),
    assetTag: z.string(),
    serialNumber: z.string(),
    type: z.enum(ASSET_TYPE_VALUES),
    model: z.string(),
    imei: z.string().nullable(),
    phoneNumber: z.string().nullable(),
    purchaseDate: calendarDate.nullable(),
    purchaseValuePence: z.int().min(0).nullable(),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(ASSET_STATUS_VALUES),
    holderId: z.uuid().nullable().meta({ description: 'Who holds it; set exactly when the status is issued.' }),
    statusChangedAt: isoTimestamp,
    statusChangedBy: z.uuid().nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Asset', description: 'An asset in the register.' });

export type AssetView = z.output<typeof assetSchema>;

/** One entry in an asset's history (AssetEventRow from src-shared). */
export const assetEventSchema = z
  .strictObject({
    id: z.uuid(),
    assetId: z.uuid(),
    event: z.enum(ASSET_EVENT_VALUES),
    fromStatus: z.enum(ASSET_STATUS_VALUES).nullable(),
    toStatus: z.enum(ASSET_STATUS_VALUES),
    personId: z.uuid().nullable().meta({ description: 'Whose custody the event concerns: the holder issued to, or returning.' }),
    note: z.string().nullable(),
    actorId: z.uuid().nullable(),
    clientId: z.string(),
    at: isoTimestamp,
  })
  .meta({ id: 'AssetEvent', description: 'One entry in an asset’s history.' });

export type AssetEventView = z.output<typeof assetEventSchema>;

export const assetListQuery = z.strictObject({
  status: enumFilter('status', ASSET_STATUS_VALUES),
  type: enumFilter('type', ASSET_TYPE_VALUES),
  holderId: idParam('holder').optional(),
  assetTag: identifierCode({ label: 'asset tag', max: 32 }).optional(),
  ...pageQuery,
});

export type AssetFilters = z.output<typeof assetListQuery>;

export const assetIdParams = z.strictObject({ assetId: idParam('asset') });

export const assetEventListQuery = z.strictObject({ ...pageQuery });
