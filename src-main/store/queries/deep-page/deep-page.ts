import type { Database } from 'better-sqlite3';
import type { AssetListRow, AssetPageInput } from '../../../../src-shared/api/asset-queries';
import { builtDeepIndex, deepIndexFor } from './deep-index';
import { holderMarks } from './holder-rowids';
import { rowsByRowid } from './page-rows';
import { compileRowTest, hasCodedFilter, hasHolderFilter, hasSearch, type RowTest } from './row-filter';
import { findPage } from './walk';

/**
 * From this offset asset-page.ts asks here first. OFFSET cannot skip: SQLite walks the sort's index from the start,
 * testing the filters on each entry, so a page at offset n of a filter matching a fraction f of 300,000 assets walks
 * n / f entries (offset 1,000: ≤ ~2 ms for every filter of the benchmark; offset 10,000: 14–19 ms for a 5 % filter).
 * Below it the SQL page is quick and the first page and scrolling build nothing.
 */
export const DEEP_OFFSET = 1_000;

/**
 * The page from memory when that is the quicker way: from DEEP_OFFSET on, building what it needs; before it only when
 * a deep jump already built the sort order (and filter codes) for this data. A first page filtered to a rare type and
 * sorted by tag walks most of the tag index in SQL (~40 ms) and a few µs in memory, but is never worth a build.
 */
export function memoryPageItems(db: Database, input: AssetPageInput, total: number): AssetListRow[] | null {
  if (input.offset < DEEP_OFFSET) {
    const built = builtDeepIndex(db);
    if (built === null || !built.holds(input.sort.column) || (hasCodedFilter(input.filters) && !built.holdsCodes())) return null;
  }
  return deepPageItems(db, input, total);
}

/**
 * One page of the register answered from the in-memory deep-page index (deep-index.ts) instead of OFFSET, or null
 * when it cannot be (a search filter, a transaction open, a register too large for the budget): the caller then
 * uses the SQL page. `total` is the count of matching assets for the same data (count-cache.ts).
 */
export function deepPageItems(db: Database, input: AssetPageInput, total: number): AssetListRow[] | null {
  const { filters, sort } = input;
  if (hasSearch(filters)) return null;
  const index = deepIndexFor(db);
  if (index === null) return null;
  const coded = hasCodedFilter(filters);
  let test: RowTest | null = null;
  if (coded || hasHolderFilter(filters)) {
    // Codes first: building them may evict a sort order to stay within the budget.
    const codes = coded ? index.codes() : null;
    if (coded && codes === null) return null;
    test = compileRowTest(codes, filters, holderMarks(db, filters, index.maxRowid));
  }
  const order = index.order(sort.column);
  if (order === null) return null;
  const rowids = findPage(order, test, { descending: sort.direction === 'desc', offset: input.offset, limit: input.limit, total });
  return rowsByRowid(db, rowids);
}
