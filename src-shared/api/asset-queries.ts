import { z } from 'zod';
import { ASSET_TYPES, type AssetRow, type AssetType } from '../domain/asset';
import type { AssetEventRow } from '../domain/asset-event';
import { ASSET_STATUS_VALUES, type AssetCommand } from '../domain/asset-lifecycle';
import { recordId } from '../domain/fields';
import type { Page } from './queries';

const assetTypeValues = Object.keys(ASSET_TYPES) as [AssetType, ...AssetType[]];

export const ASSET_SORT_COLUMNS = ['assetTag', 'serialNumber', 'type', 'model', 'status', 'holderName', 'location', 'purchaseDate'] as const;

export type AssetSortColumn = (typeof ASSET_SORT_COLUMNS)[number];

/** Search-as-you-type text: what a person types in the search box, matched as word prefixes. */
export const searchText = z.string({ error: 'Search must be text' }).max(100, { error: 'Search must be 100 characters or fewer' });

export const assetFilters = z.strictObject({
  types: z.array(z.enum(assetTypeValues, { error: 'Unknown asset type' })).max(assetTypeValues.length).optional(),
  statuses: z.array(z.enum(ASSET_STATUS_VALUES, { error: 'Unknown status' })).max(ASSET_STATUS_VALUES.length).optional(),
  holderId: recordId('holder').optional(),
  /** Assets held by the direct reports of this line manager. */
  lineManagerId: recordId('line manager').optional(),
  location: z.string().max(120).optional(),
  search: searchText.optional(),
});

export type AssetFilters = z.output<typeof assetFilters>;

export const assetPageInput = z.strictObject({
  filters: assetFilters.default({}),
  sort: z
    .strictObject({
      column: z.enum(ASSET_SORT_COLUMNS, { error: 'Unknown sort column' }),
      direction: z.enum(['asc', 'desc'], { error: 'Sort direction must be asc or desc' }),
    })
    .default({ column: 'assetTag', direction: 'asc' }),
  limit: z.number().int().min(1).max(500, { error: 'Ask for at most 500 rows at a time' }).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

export type AssetPageInput = z.output<typeof assetPageInput>;

export interface AssetListRow extends AssetRow {
  readonly holderName: string | null;
}

export type AssetPage = Page<AssetListRow>;

export const assetSearchInput = z.strictObject({
  query: searchText,
  limit: z.number().int().min(1).max(50).default(10),
});

export const assetGetInput = z.strictObject({ id: recordId('asset') });

export interface AssetHistoryEntry extends AssetEventRow {
  readonly personName: string | null;
  readonly actorName: string | null;
}

export interface AssetDetail {
  readonly asset: AssetListRow;
  readonly history: readonly AssetHistoryEntry[];
  /** The lifecycle commands allowed from the current status: what the asset page offers. */
  readonly commands: readonly AssetCommand[];
}
