import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetRow } from '../../../src-shared/domain/asset';
import { ASSET_TRANSITIONS, type AssetCommand } from '../../../src-shared/domain/asset-lifecycle';
import type { PersonRow } from '../../../src-shared/domain/person';
import { JSON_FIELDS, TABLE_COLUMNS, type Rows } from '../../../src-shared/domain/tables';
import { generateDepartment } from '../../../src-shared/demo/department';
import type { DepartmentScale } from '../../../src-shared/demo/scale';
import { PULL_PAGE_ROWS, type PatchOperation, type PullResponse } from '../../../src-shared/sync/protocol';
import { LOCAL_MIGRATIONS } from '../../store/local-migrations';
import { openStore } from '../../store/open-store';
import { applyPage, beginPullRun, finishPullRun } from '../../sync/store/pull-run';

/** The rows of a first sync, in domain shape as the server sends them: the people, then the register. */
export interface SyncRows {
  readonly people: readonly PersonRow[];
  readonly assets: readonly AssetRow[];
}

const COMMAND_OF: Readonly<Record<string, AssetCommand>> = Object.fromEntries(
  (Object.keys(ASSET_TRANSITIONS) as AssetCommand[]).map((command) => [`asset.${command}`, command]),
);

/**
 * A department from the demo generator (the same one the register benchmark loads) as the server would send it:
 * each person as planned, each asset as its generated story leaves it (status and holder), so the rows have the
 * real mix of types, statuses, phones with IMEIs and holders. Nothing runs through a mutator: only the final rows.
 */
export function generateSyncRows(scale: DepartmentScale, asOf: string): SyncRows {
  const department = generateDepartment(scale, { asOf });
  const people: PersonRow[] = department.people.map((person) => ({
    id: person.id,
    staffNumber: person.staffNumber,
    name: person.name,
    email: person.email,
    lineManagerId: person.lineManagerId,
    roles: [...person.roles],
    status: person.status,
    trainingCompletedOn: person.trainingCompletedOn,
    createdAt: asOf,
    updatedAt: asOf,
  }));
  const assets = new Map<string, AssetRow>();
  const move = (id: string, command: AssetCommand, holderId: string | null) => {
    const asset = assets.get(id);
    if (asset) assets.set(id, { ...asset, status: ASSET_TRANSITIONS[command].to, holderId, statusChangedAt: asOf, updatedAt: asOf });
  };
  for (const mutation of department.mutations()) {
    if (mutation.name === 'asset.create') {
      const a = mutation.args;
      assets.set(a.id, {
        id: a.id,
        assetTag: a.assetTag,
        serialNumber: a.serialNumber,
        type: a.type,
        model: a.model,
        imei: a.imei ?? null,
        phoneNumber: a.phoneNumber ?? null,
        purchaseDate: a.purchaseDate ?? null,
        purchaseValuePence: a.purchaseValuePence ?? null,
        location: a.location ?? null,
        notes: a.notes ?? null,
        status: 'in_stock',
        holderId: null,
        statusChangedAt: asOf,
        statusChangedBy: null,
        createdAt: asOf,
        updatedAt: asOf,
      });
    } else if (mutation.name === 'asset.issue') move(mutation.args.assetId, 'issue', mutation.args.personId);
    else if (mutation.name === 'asset.returnMany') for (const id of mutation.args.assetIds) move(id, 'return', null);
    else {
      const command = COMMAND_OF[mutation.name];
      if (command !== undefined && 'assetId' in mutation.args && typeof mutation.args.assetId === 'string') move(mutation.args.assetId, command, null);
    }
  }
  return { people, assets: [...assets.values()] };
}

function* operations(rows: SyncRows): Generator<PatchOperation> {
  for (const row of rows.people) yield { op: 'put', table: 'people', row: row as unknown as Record<string, unknown> };
  for (const row of rows.assets) yield { op: 'put', table: 'assets', row: row as unknown as Record<string, unknown> };
}

/** The first sync's pages as the server sends them: PULL_PAGE_ROWS operations each, the first a reset. */
function* pages(rows: SyncRows, pageRows: number): Generator<PullResponse> {
  const total = rows.people.length + rows.assets.length;
  let patch: PatchOperation[] = [];
  let done = 0;
  let index = 0;
  const page = (more: boolean): PullResponse => {
    done += patch.length;
    index += 1;
    return { cookie: `bench-${String(index)}`, lastMutationId: 0, reset: index === 1, more, progress: { done, total }, patch, rejections: [] };
  };
  for (const op of operations(rows)) {
    patch.push(op);
    if (patch.length === pageRows && done + patch.length < total) {
      yield page(true);
      patch = [];
    }
  }
  yield page(false);
}

async function inFreshStore<T>(prefix: string, work: (db: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openStore(dir, LOCAL_MIGRATIONS);
  try {
    return await work(store.db);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (a) The first sync as the store takes it: beginPullRun, applyPage for each page, finishPullRun (commit included),
 * into an empty store on disk. Only the store's time is counted (the pages are built between the measured calls).
 */
async function timeApply(rows: SyncRows, pageRows: number): Promise<{ ms: number; pages: number }> {
  return inFreshStore('custodian-bench-sync-', async (db) => {
    let ms = 0;
    let count = 0;
    let started = performance.now();
    const run = beginPullRun(db);
    ms += performance.now() - started;
    for (const page of pages(rows, pageRows)) {
      started = performance.now();
      applyPage(run, page);
      ms += performance.now() - started;
      count += 1;
    }
    started = performance.now();
    await finishPullRun(run, { actorId: null, clock: () => new Date() });
    ms += performance.now() - started;
    return { ms, pages: count };
  });
}

function insertSql(table: keyof Rows): string {
  const columns = Object.values(TABLE_COLUMNS[table]) as string[];
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

function rawValues<T extends keyof Rows>(table: T, row: Rows[T]): unknown[] {
  const json = new Set<string>((JSON_FIELDS[table] ?? []) as string[]);
  return Object.keys(TABLE_COLUMNS[table]).map((field) => {
    const value = (row as unknown as Record<string, unknown>)[field];
    return json.has(field) ? JSON.stringify(value) : value;
  });
}

/** (b) The same rows with nothing but better-sqlite3: one prepared INSERT per table, one transaction, same schema. */
async function timeRawInsert(rows: SyncRows): Promise<number> {
  return inFreshStore('custodian-bench-raw-', (db) => {
    // Encoded before the clock starts: the raw figure is SQLite's insert rate alone.
    const people = rows.people.map((row) => rawValues('people', row));
    const assets = rows.assets.map((row) => rawValues('assets', row));
    const started = performance.now();
    db.exec('BEGIN IMMEDIATE');
    const insertPerson = db.prepare(insertSql('people'));
    const insertAsset = db.prepare(insertSql('assets'));
    for (const values of people) insertPerson.run(values);
    for (const values of assets) insertAsset.run(values);
    db.exec('COMMIT');
    return Promise.resolve(performance.now() - started);
  });
}

export interface SyncApplyResult {
  readonly rows: number;
  readonly pageRows: number;
  readonly pages: number;
  /** (a) beginPullRun → applyPage × pages → finishPullRun, into an empty store. */
  readonly applyMs: number;
  readonly applyRowsPerSecond: number;
  /** (b) prepared INSERTs of the same rows in one transaction, into an empty store of the same schema. */
  readonly rawInsertMs: number;
  readonly rawInsertRowsPerSecond: number;
  /** How many times slower the first sync is than raw inserts (target: at most 3). */
  readonly applyVsRawRatio: number;
}

/**
 * Measures a first sync of `rows` against raw inserts of the same rows, each into its own fresh store on disk (same
 * migrations and pragmas: WAL, synchronous=FULL). Raw first, then the sync, so neither inherits the other's cache.
 */
export async function benchSyncApply(rows: SyncRows, { pageRows = PULL_PAGE_ROWS }: { pageRows?: number } = {}): Promise<SyncApplyResult> {
  const total = rows.people.length + rows.assets.length;
  const rawInsertMs = await timeRawInsert(rows);
  const apply = await timeApply(rows, pageRows);
  const rate = (ms: number) => Math.round((total / ms) * 1000);
  return {
    rows: total,
    pageRows,
    pages: apply.pages,
    applyMs: Math.round(apply.ms),
    applyRowsPerSecond: rate(apply.ms),
    rawInsertMs: Math.round(rawInsertMs),
    rawInsertRowsPerSecond: rate(rawInsertMs),
    applyVsRawRatio: Math.round((apply.ms / rawInsertMs) * 100) / 100,
  };
}
