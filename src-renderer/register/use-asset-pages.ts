import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssetFilters, AssetListRow, AssetSortColumn } from '../../src-shared/api/asset-queries';
import type { Api } from '../../src-shared/api/bridge';
import type { AppError } from '../../src-shared/result';
import { useApi } from '../api/api-context';

/** Rows per `asset.page` call: a screenful several times over, small enough to answer in a few milliseconds. */
export const PAGE_SIZE = 150;

/** At most this many calls in flight: the store answers one at a time, so more would only queue up. */
const MAX_IN_FLIGHT = 2;

/** Pages kept in memory (22,500 rows); the ones farthest from where the person is looking are dropped first. */
const MAX_CACHED_PAGES = 150;

export interface AssetSort {
  readonly column: AssetSortColumn;
  readonly direction: 'asc' | 'desc';
}

export interface AssetQuery {
  readonly filters: AssetFilters;
  readonly sort: AssetSort;
}

export type RegisterState =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly total: number }
  | { readonly status: 'error'; readonly error: AppError };

export interface AssetPages {
  readonly state: RegisterState;
  /** The row at `index` in the filtered, sorted register, or undefined while its page is on its way. */
  rowAt(index: number): AssetListRow | undefined;
  /** Tells the cache which rows are on screen: their pages are fetched (and only theirs, however fast the scroll). */
  showRange(firstIndex: number, lastIndex: number): void;
  /** False while a new search, filter or sort waits for its first answer (the previous answer is still shown). */
  readonly current: boolean;
  /** True while a page the person is looking at is still loading. */
  readonly busy: boolean;
  /** Changes whenever a page arrives, so the table re-renders. */
  readonly version: number;
}

/**
 * The asset register as pages fetched on demand: the first page (which also brings the total that sizes the scroll
 * area) at once, then whichever pages scroll into view. Pages are cached; a page scrolled past before its turn is
 * never asked for, so dragging the scroll bar across 300,000 rows does not queue up thousands of calls.
 */
class PageCache {
  readonly pages = new Map<number, readonly AssetListRow[]>();
  readonly inFlight = new Set<number>();
  wanted: readonly number[] = [0];
  state: RegisterState = { status: 'loading' };
  closed = false;

  constructor(
    private readonly api: Api,
    private readonly query: AssetQuery,
    private readonly changed: () => void,
  ) {}

  rowAt(index: number): AssetListRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  busy(): boolean {
    return this.wanted.some((page) => !this.pages.has(page));
  }

  showRange(first: number, last: number): void {
    if (this.state.status === 'loading') {
      // Until the first answer, the rows on screen belong to the previous search: only the first page matters.
      this.pump();
      return;
    }
    const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
    const wanted: number[] = [];
    for (let page = from; page <= to; page += 1) wanted.push(page);
    this.wanted = wanted;
    this.pump();
  }

  pump(): void {
    if (this.closed) return;
    for (const page of this.wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.pages.has(page) || this.inFlight.has(page)) continue;
      this.fetch(page);
    }
  }

  private fetch(page: number): void {
    this.inFlight.add(page);
    void this.api
      .call('asset.page', { filters: this.query.filters, sort: this.query.sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
      .then((result) => {
        this.inFlight.delete(page);
        if (this.closed) return;
        if (result.ok) {
          this.pages.set(page, result.value.items);
          this.state = { status: 'ok', total: result.value.total };
          this.evict();
        } else if (this.state.status !== 'ok') {
          this.state = { status: 'error', error: result.error };
        }
        this.changed();
        if (result.ok) this.pump();
      });
  }

  private evict(): void {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const centre = this.wanted[0] ?? 0;
    const farthestFirst = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of farthestFirst.slice(0, this.pages.size - MAX_CACHED_PAGES)) this.pages.delete(page);
  }
}

export function useAssetPages(query: AssetQuery): AssetPages {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const queryKey = JSON.stringify(query);
  // A new filter or sort is a new cache: pages of the old one are never mixed in, and its late answers are ignored.
  const cache = useMemo(
    () =>
      new PageCache(api, JSON.parse(queryKey) as AssetQuery, () => {
        setVersion((count) => count + 1);
      }),
    [api, queryKey],
  );
  // While a new search or sort loads its first page, keep showing the last answered one (no flash of "Loading").
  const settledRef = useRef<PageCache | null>(null);
  if (cache.state.status !== 'loading') settledRef.current = cache;
  const shown = cache.state.status === 'loading' && settledRef.current !== null ? settledRef.current : cache;

  useEffect(() => {
    cache.closed = false; // StrictMode runs effects twice: the cleanup below must not leave the cache closed
    cache.pump();
    return () => {
      cache.closed = true;
    };
  }, [cache]);

  const showRange = useCallback(
    (first: number, last: number) => {
      cache.showRange(first, last);
    },
    [cache],
  );
  const rowAt = useCallback((index: number) => shown.rowAt(index), [shown]);

  return { state: shown.state, current: shown === cache, rowAt, showRange, busy: cache.busy(), version };
}
