import type { AssetFilters } from '../../src-shared/api/asset-queries';
import type { PersonSummary } from '../../src-shared/api/person-queries';
import type { AssetType } from '../../src-shared/domain/asset';
import type { AssetStatus } from '../../src-shared/domain/asset-lifecycle';

/** The register's filters as the page holds them: people are kept whole, so their names can be shown. */
export interface RegisterFilters {
  readonly types: readonly AssetType[];
  readonly statuses: readonly AssetStatus[];
  readonly holder: PersonSummary | null;
  readonly lineManager: PersonSummary | null;
  readonly location: string;
}

export const NO_FILTERS: RegisterFilters = { types: [], statuses: [], holder: null, lineManager: null, location: '' };

/** The `asset.page` filters: empty choices left out, so "no filter" is one shape. */
export function toAssetFilters(filters: RegisterFilters, search: string): AssetFilters {
  const query: { -readonly [K in keyof AssetFilters]: AssetFilters[K] } = {};
  if (filters.types.length > 0) query.types = [...filters.types];
  if (filters.statuses.length > 0) query.statuses = [...filters.statuses];
  if (filters.holder !== null) query.holderId = filters.holder.id;
  if (filters.lineManager !== null) query.lineManagerId = filters.lineManager.id;
  const location = filters.location.trim();
  if (location !== '') query.location = location;
  const text = search.trim();
  if (text !== '') query.search = text.slice(0, 100);
  return query;
}

export function hasFilters(filters: RegisterFilters): boolean {
  return (
    filters.types.length > 0 ||
    filters.statuses.length > 0 ||
    filters.holder !== null ||
    filters.lineManager !== null ||
    filters.location.trim() !== ''
  );
}
