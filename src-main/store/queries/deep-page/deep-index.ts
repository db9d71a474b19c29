import type { Database } from 'better-sqlite3';
import type { AssetSortColumn } from '../../../../src-shared/api/asset-queries';
import { prepared } from '../../prepared';
import { dataStamp } from '../data-stamp';
import { buildFilterCodes, BYTES_PER_ROWID, type FilterCodes } from './filter-codes';
import { sortedRowids } from './sort-orders';

/**
 * What one connection keeps per data version. At 300,000 assets: 1.2 MB a sort order (all 8 = 9.6 MB) and 1.8 MB of
 * filter codes, 11.4 MB in all, inside this budget; a larger register keeps the sort orders used most recently
 * within it, and one whose codes or single order would not fit leaves deep pages to the SQL path. Not counted,
 * because they last one call: a build's intermediate JS array (~2.4 MB) or JSON text (~2 MB), and the holder
 * filters' marks (1 byte a rowid, 0.3 MB).
 */
export const DEEP_INDEX_BUDGET_BYTES = 16 * 1024 * 1024;

/** Rowids are kept in Int32Array. A store with larger rowids (never made by this app) is served by SQL. */
const MAX_ROWID = 2 ** 31 - 1;

/**
 * The sort orders and filter codes of one data version of one connection, each built on first use (a register that
 * is never jumped deep into costs nothing). Sort orders are kept least recently used first, within the budget.
 */
export class DeepIndex {
  private readonly orders = new Map<AssetSortColumn, Int32Array>();
  private filterCodes: FilterCodes | null | undefined;

  constructor(
    private readonly db: Database,
    readonly stamp: string,
    readonly assets: number,
    readonly maxRowid: number,
    private readonly budgetBytes: number,
  ) {}

  private bytes(): number {
    let total = this.filterCodes ? (this.maxRowid + 1) * BYTES_PER_ROWID : 0;
    for (const order of this.orders.values()) total += order.byteLength;
    return total;
  }

  /** The rowids in `column`'s ascending order, or null when one order would not fit the budget. */
  order(column: AssetSortColumn): Int32Array | null {
    const known = this.orders.get(column);
    if (known) {
      this.orders.delete(column); // re-inserted: Map order is least recently used first
      this.orders.set(column, known);
      return known;
    }
    const needed = this.assets * Int32Array.BYTES_PER_ELEMENT;
    for (const [oldest] of this.orders) {
      if (this.bytes() + needed <= this.budgetBytes) break;
      this.orders.delete(oldest);
    }
    if (this.bytes() + needed > this.budgetBytes) return null;
    const order = sortedRowids(this.db, column);
    this.orders.set(column, order);
    return order;
  }

  /** Whether `column`'s order is already built (a shallow page uses it only then: it never builds for one). */
  holds(column: AssetSortColumn): boolean {
    return this.orders.has(column);
  }

  /** Whether the filter codes are already built. */
  holdsCodes(): boolean {
    return this.filterCodes !== undefined && this.filterCodes !== null;
  }

  /** The filter codes, built once per version, or null when they would not fit the budget beside one sort order. */
  codes(): FilterCodes | null {
    if (this.filterCodes === undefined) {
      const needed = (this.maxRowid + 1) * BYTES_PER_ROWID;
      this.filterCodes = needed + this.assets * Int32Array.BYTES_PER_ELEMENT <= this.budgetBytes ? buildFilterCodes(this.db, this.maxRowid) : null;
      // Room for them: the least recently used orders go.
      for (const [oldest] of this.orders) {
        if (this.bytes() <= this.budgetBytes) break;
        this.orders.delete(oldest);
      }
    }
    return this.filterCodes;
  }

  /** Columns whose order is held, least recently used first, and bytes held: for tests and diagnostics. */
  held(): { readonly columns: readonly AssetSortColumn[]; readonly bytes: number } {
    return { columns: [...this.orders.keys()], bytes: this.bytes() };
  }
}

const indexes = new WeakMap<Database, DeepIndex>();

/**
 * This connection's index for the data as it is now: a new, empty one whenever the data has changed (data-stamp.ts,
 * as count-cache.ts), so nothing built before a write is used after it. Null inside an open transaction: a rollback
 * takes writes back without moving total_changes(), so what was built from them could outlive them.
 */
/** This connection's index for the data as it is now if one was already made, without making one. */
export function builtDeepIndex(db: Database): DeepIndex | null {
  if (db.inTransaction) return null;
  const current = indexes.get(db);
  return current !== undefined && current.stamp === dataStamp(db) ? current : null;
}

export function deepIndexFor(db: Database, budgetBytes = DEEP_INDEX_BUDGET_BYTES): DeepIndex | null {
  if (db.inTransaction) return null;
  const stamp = dataStamp(db);
  const current = indexes.get(db);
  if (current?.stamp === stamp) return current;
  indexes.delete(db); // the old version's arrays can go before the new ones are built
  const { assets, maxRowid } = prepared(db, 'SELECT COUNT(*) AS assets, coalesce(max(rowid), 0) AS maxRowid FROM assets').get() as {
    assets: number;
    maxRowid: number;
  };
  if (maxRowid > MAX_ROWID) return null;
  const index = new DeepIndex(db, stamp, assets, maxRowid, budgetBytes);
  indexes.set(db, index);
  return index;
}
