import type { Database } from 'better-sqlite3';
import type { Faker } from '@faker-js/faker';
import type { AssetFilters, AssetPage, AssetSortColumn } from '../../../src-shared/api/asset-queries';
import type { AssetType } from '../../../src-shared/domain/asset';
import type { AssetStatus } from '../../../src-shared/domain/asset-lifecycle';
import type { Dispatch } from '../../bridge/dispatch';
import { summarise, timed, type Summary } from './stats';

const PAGE_SIZE = 100;

interface Choices {
  readonly managers: readonly string[];
  readonly locations: readonly string[];
}

type FilterKind = 'none' | 'type' | 'status' | 'lineManager' | 'location' | 'combined';

/** How often each view of the register is opened: unfiltered most, a manager's team view often. */
const FILTER_WEIGHTS: readonly { value: FilterKind; weight: number }[] = [
  { value: 'none', weight: 30 },
  { value: 'type', weight: 20 },
  { value: 'status', weight: 15 },
  { value: 'lineManager', weight: 15 },
  { value: 'location', weight: 10 },
  { value: 'combined', weight: 10 },
];

const SORT_WEIGHTS: readonly { value: AssetSortColumn; weight: number }[] = [
  { value: 'assetTag', weight: 40 },
  { value: 'model', weight: 15 },
  { value: 'holderName', weight: 15 },
  { value: 'status', weight: 8 },
  { value: 'type', weight: 7 },
  { value: 'location', weight: 5 },
  { value: 'purchaseDate', weight: 5 },
  { value: 'serialNumber', weight: 5 },
];

const TYPE_PICKS: readonly (readonly AssetType[])[] = [
  ['laptop'],
  ['smartphone', 'basic_mobile_phone'],
  ['smartcard'],
  ['monitor'],
  ['encrypted_usb'],
  ['tablet', 'laptop'],
];
const STATUS_PICKS: readonly (readonly AssetStatus[])[] = [
  ['issued'],
  ['lost', 'stolen'],
  ['damaged', 'in_repair'],
  ['returned'],
  ['in_stock'],
  ['retired', 'disposed'],
];

function filtersFor(kind: FilterKind, faker: Faker, choices: Choices): AssetFilters {
  const types = () => [...faker.helpers.arrayElement(TYPE_PICKS)];
  const statuses = () => [...faker.helpers.arrayElement(STATUS_PICKS)];
  switch (kind) {
    case 'none':
      return {};
    case 'type':
      return { types: types() };
    case 'status':
      return { statuses: statuses() };
    case 'lineManager':
      return { lineManagerId: faker.helpers.arrayElement(choices.managers) };
    case 'location':
      return { location: faker.helpers.arrayElement(choices.locations) };
    case 'combined':
      return { location: faker.helpers.arrayElement(choices.locations), types: types(), statuses: ['issued'] };
  }
}

export interface PageSession {
  readonly filterKind: FilterKind;
  readonly filters: AssetFilters;
  readonly sort: { readonly column: AssetSortColumn; readonly direction: 'asc' | 'desc' };
  /** Fractions (0–1) of the way down the list for the jumps after scrolling: a dragged scroll bar. */
  readonly jumps: readonly number[];
}

/** Register sessions: a view (filters and sort), as a person opens it, scrolls and drags the scroll bar. */
export function pageSessions(db: Database, faker: Faker, count: number): PageSession[] {
  const managers = (db.prepare('SELECT DISTINCT line_manager_id AS id FROM people WHERE line_manager_id IS NOT NULL').all() as { id: string }[]).map(
    (r) => r.id,
  );
  const locations = (db.prepare('SELECT DISTINCT location FROM assets WHERE location IS NOT NULL').all() as { location: string }[]).map(
    (r) => r.location,
  );
  return Array.from({ length: count }, () => {
    const filterKind = faker.helpers.weightedArrayElement([...FILTER_WEIGHTS]);
    return {
      filterKind,
      filters: filtersFor(filterKind, faker, { managers, locations }),
      sort: { column: faker.helpers.weightedArrayElement([...SORT_WEIGHTS]), direction: faker.number.float() < 0.8 ? 'asc' : 'desc' },
      jumps: [faker.number.float(), faker.number.float()],
    };
  });
}

type RequestKind = 'first page' | 'next page' | 'deep jump';

export interface PageResult {
  readonly overall: Summary;
  readonly byRequest: Readonly<Record<RequestKind, Summary>>;
  readonly bySort: Readonly<Record<string, Summary>>;
  readonly byFilter: Readonly<Record<string, Summary>>;
  /** The slowest requests, to reproduce with EXPLAIN QUERY PLAN. */
  readonly slowest: readonly { readonly ms: number; readonly input: object }[];
}

function group(samples: readonly { key: string; ms: number }[]): Record<string, Summary> {
  const groups = new Map<string, number[]>();
  for (const { key, ms } of samples) groups.set(key, [...(groups.get(key) ?? []), ms]);
  return Object.fromEntries([...groups.entries()].map(([key, values]) => [key, summarise(values)]));
}

/**
 * Times asset.page through the handler table. Each session asks for the first page (with the total), scrolls three
 * more pages, then jumps to two points further down, as the virtualised register does.
 */
export async function benchPages(dispatch: Dispatch, sessions: readonly PageSession[]): Promise<PageResult> {
  const samples: { kind: RequestKind; sort: string; filter: string; ms: number; input: object }[] = [];
  const request = async (session: PageSession, kind: RequestKind, offset: number) => {
    const input = { filters: session.filters, sort: session.sort, limit: PAGE_SIZE, offset };
    const { ms, value } = await timed(() => dispatch('asset.page', input));
    if (!value.ok) throw new Error(`asset.page failed: ${value.error.message}`);
    samples.push({ kind, sort: session.sort.column, filter: session.filterKind, ms, input });
    return value.value as AssetPage;
  };
  for (const session of sessions.slice(0, 5)) await dispatch('asset.page', { filters: session.filters, sort: session.sort, limit: PAGE_SIZE });
  for (const session of sessions) {
    const { total } = await request(session, 'first page', 0);
    for (let page = 1; page <= 3 && page * PAGE_SIZE < total; page += 1) await request(session, 'next page', page * PAGE_SIZE);
    const lastOffset = Math.max(0, total - PAGE_SIZE);
    if (lastOffset > 3 * PAGE_SIZE) for (const jump of session.jumps) await request(session, 'deep jump', Math.floor(jump * lastOffset));
  }
  const slowest = [...samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ ms, input }) => ({ ms, input }));
  return {
    overall: summarise(samples.map((s) => s.ms)),
    byRequest: group(samples.map((s) => ({ key: s.kind, ms: s.ms }))) as Record<RequestKind, Summary>,
    bySort: group(samples.map((s) => ({ key: s.sort, ms: s.ms }))),
    byFilter: group(samples.map((s) => ({ key: s.filter, ms: s.ms }))),
    slowest,
  };
}
