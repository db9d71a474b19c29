import type { AssetFilters } from '../../../../src-shared/api/asset-queries';
import type { FilterCodes } from './filter-codes';

/** Whether the asset at a rowid passes the page's filters. */
export type RowTest = (rowid: number) => boolean;

/** Search needs the FTS index: those pages stay on the SQL path. */
export function hasSearch(filters: AssetFilters): boolean {
  return filters.search !== undefined && filters.search.trim() !== '';
}

/** The filters tested on filter-codes.ts's codes. As in asset-page.ts, an empty list or location is no filter. */
export function hasCodedFilter(filters: AssetFilters): boolean {
  return Boolean(filters.types?.length) || Boolean(filters.statuses?.length) || (filters.location !== undefined && filters.location !== '');
}

/** The filters tested on a set of rowids read per request (holder-rowids.ts). */
export function hasHolderFilter(filters: AssetFilters): boolean {
  return filters.holderId !== undefined || filters.lineManagerId !== undefined;
}

/** allowed[code] is 1 for each value asked for; values no asset has have no code and so match nothing. */
function allowedCodes(codes: ReadonlyMap<string, number>, values: readonly string[] | undefined): Uint8Array | null {
  if (!values?.length) return null;
  const allowed = new Uint8Array(256);
  for (const value of values) {
    const code = codes.get(value);
    if (code !== undefined) allowed[code] = 1;
  }
  return allowed;
}

const NONE = new Uint8Array(0);

/**
 * The register's filters as one test on a rowid's codes, meaning what asset-page.ts's WHERE clauses mean: statuses
 * and types by membership, the location exactly (BINARY, as `a.location = ?`; a NULL location never matches), the
 * holder and line manager filters by `marks` (1 at each rowid they allow). `codes` may be null when no coded filter
 * is set. One closure with its parts hoisted: it runs once per entry walked, up to half the register a page.
 */
export function compileRowTest(codes: FilterCodes | null, filters: AssetFilters, marks: Uint8Array | null): RowTest {
  const statuses = codes === null ? null : allowedCodes(codes.statusCodes, filters.statuses);
  const types = codes === null ? null : allowedCodes(codes.typeCodes, filters.types);
  const wantsLocation = codes !== null && filters.location !== undefined && filters.location !== '';
  const location = wantsLocation ? (codes.locationCodes.get(filters.location ?? '') ?? -1) : 0;
  const statusOf = codes?.status ?? NONE;
  const typeOf = codes?.type ?? NONE;
  const locationOf = codes?.location ?? new Int32Array(0);
  return (rowid) =>
    (statuses === null || statuses[statusOf[rowid] as number] === 1) &&
    (types === null || types[typeOf[rowid] as number] === 1) &&
    (!wantsLocation || locationOf[rowid] === location) &&
    (marks === null || marks[rowid] === 1);
}
