import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import type { AssetRow } from '../../../../src-shared/domain/asset';
import type { AssetEventRow } from '../../../../src-shared/domain/asset-event';
import type { PersonRow } from '../../../../src-shared/domain/person';
import { newId } from '../../../../src-shared/ids';
import type { PullResponse } from '../../../../src-shared/sync/protocol';
import type { MutationEnvironment } from '../../../../src-main/store/mutation-runner';
import type { Store } from '../../../../src-main/store/open-store';
import { applyPage, beginPullRun, finishPullRun, type PullRunResult } from '../../../../src-main/sync/store/pull-run';
import { fixedClock } from '../../../support/store';

/** When the server made its rows in these tests (before the fixed clock of local mutations). */
export const SERVER_TIME = '2026-11-20T10:00:00.000Z';

/** The signed-in person on the desktop under test. */
export const ME = '0190a000-0000-7000-8000-00000000000a';

let counter = 0;
const next = () => (counter += 1);

/** A person row as the server sends it (domain shape, roles a list). */
export function personRow(overrides: Partial<PersonRow> = {}): PersonRow {
  const n = next();
  return {
    id: newId(),
    staffNumber: `S${String(n)}`,
    name: `Person ${String(n)}`,
    email: `person${String(n)}@example.gov.uk`,
    lineManagerId: null,
    roles: ['staff'],
    status: 'active',
    trainingCompletedOn: '2026-06-01',
    createdAt: SERVER_TIME,
    updatedAt: SERVER_TIME,
    ...overrides,
  };
}

export function assetRow(overrides: Partial<AssetRow> = {}): AssetRow {
  const n = next();
  return {
    id: newId(),
    assetTag: `LT-${String(n).padStart(4, '0')}`,
    serialNumber: `SN${String(n)}X`,
    type: 'laptop',
    model: 'Lenovo ThinkPad T14',
    imei: null,
    phoneNumber: null,
    purchaseDate: '2025-01-15',
    purchaseValuePence: 120_000,
    location: 'Leeds',
    notes: null,
    status: overrides.holderId ? 'issued' : 'in_stock',
    holderId: null,
    statusChangedAt: SERVER_TIME,
    statusChangedBy: null,
    createdAt: SERVER_TIME,
    updatedAt: SERVER_TIME,
    ...overrides,
  };
}

export function eventRow(overrides: Partial<AssetEventRow> & Pick<AssetEventRow, 'assetId'>): AssetEventRow {
  return {
    id: newId(),
    event: 'create',
    fromStatus: null,
    toStatus: 'in_stock',
    personId: null,
    note: null,
    actorId: null,
    clientId: 'server-test-client',
    at: SERVER_TIME,
    ...overrides,
  };
}

export const put = (table: 'people' | 'assets' | 'asset_events' | 'aup_acknowledgements', row: object) =>
  ({ op: 'put', table, row: { ...row } as Record<string, unknown> }) as const;
export const del = (table: 'people' | 'assets' | 'asset_events' | 'aup_acknowledgements', id: string) => ({ op: 'del', table, id }) as const;

export function page(overrides: Partial<PullResponse> = {}): PullResponse {
  return {
    cookie: 'cookie-1',
    lastMutationId: 0,
    reset: false,
    more: false,
    progress: { done: overrides.patch?.length ?? 0, total: null },
    patch: [],
    rejections: [],
    ...overrides,
  };
}

export function environment(store: Store, actorId: string | null = ME): MutationEnvironment {
  return { db: store.db, clientId: store.installation.clientId, actorId, clock: fixedClock };
}

/** A whole pull run: begin, every page, finish. */
export async function pull(store: Store, pages: readonly PullResponse[], actorId: string | null = ME): Promise<PullRunResult> {
  const run = beginPullRun(store.db);
  for (const p of pages) applyPage(run, p);
  return finishPullRun(run, environment(store, actorId));
}

/**
 * Everything a pull or rewind may touch, for exact comparison: the synced tables (assets with their holder_name copy),
 * both search tables, with rowids (the search index is keyed by them) when asked.
 */
export function snapshot(db: Database, { rowids = true }: { rowids?: boolean } = {}): Record<string, unknown[]> {
  const rowid = rowids ? 'rowid AS _rowid, ' : '';
  const all = (sql: string) => db.prepare(sql).all();
  return {
    people: all(`SELECT ${rowid}* FROM people ORDER BY id`),
    assets: all(`SELECT ${rowid}* FROM assets ORDER BY id`),
    asset_events: all('SELECT * FROM asset_events ORDER BY id'),
    aup_acknowledgements: all('SELECT * FROM aup_acknowledgements ORDER BY id'),
    asset_search: rowids
      ? all('SELECT rowid AS _rowid, * FROM asset_search ORDER BY rowid')
      : all('SELECT a.id AS _id, s.* FROM asset_search s LEFT JOIN assets a ON a.rowid = s.rowid ORDER BY a.id'),
    people_search: rowids
      ? all('SELECT rowid AS _rowid, * FROM people_search ORDER BY rowid')
      : all('SELECT p.id AS _id, s.* FROM people_search s LEFT JOIN people p ON p.rowid = s.rowid ORDER BY p.id'),
  };
}

/**
 * The search index and holder names hold exactly what the rows say: each asset's index row has its fields and its
 * holder's name (the same as assets.holder_name), each person's has theirs, nothing else is indexed, and FTS5's own
 * integrity check passes.
 */
export function expectSearchConsistent(db: Database): void {
  db.exec("INSERT INTO asset_search (asset_search, rank) VALUES ('integrity-check', 1)");
  db.exec("INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 1)");
  const all = (sql: string) => db.prepare(sql).all();
  expect(all('SELECT rowid, asset_tag, serial_number, imei, phone_number, model, holder_name FROM asset_search ORDER BY rowid')).toEqual(
    all(
      `SELECT a.rowid AS rowid, a.asset_tag, a.serial_number, a.imei, a.phone_number, a.model, p.name AS holder_name
         FROM assets a LEFT JOIN people p ON p.id = a.holder_id ORDER BY a.rowid`,
    ),
  );
  expect(all('SELECT rowid, name, staff_number, email FROM people_search ORDER BY rowid')).toEqual(
    all('SELECT rowid, name, staff_number, email FROM people ORDER BY rowid'),
  );
  expect(all('SELECT a.id FROM assets a LEFT JOIN people p ON p.id = a.holder_id WHERE a.holder_name IS NOT p.name'), 'holder_name copies').toEqual([]);
}

export function count(db: Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function outboxIds(db: Database): number[] {
  return (db.prepare('SELECT mutation_id AS id FROM outbox ORDER BY mutation_id').all() as { id: number }[]).map((row) => row.id);
}
