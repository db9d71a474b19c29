import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDepartment } from '../../../src-shared/demo/department';
import type { DemoMutation } from '../../../src-shared/demo/mutation';
import { toCsv } from '../../../src-shared/export/csv-writer';
import { IMPORT_TEMPLATE_HEADERS } from '../../../src-shared/import/templates';
import { penceToPounds } from '../../../src-shared/domain/money';
import { importRows } from '../../import/import-rows';
import { previewImportBytes } from '../../import/preview-file';
import { LOCAL_MIGRATIONS } from '../../store/local-migrations';
import type { MutationEnvironment } from '../../store/mutation-runner';
import { openStore } from '../../store/open-store';
import { median } from './stats';

type AssetRow = Extract<DemoMutation, { name: 'asset.create' }>['args'];

/**
 * ──────────────── THE ONE PLACE THE BENCHMARK IMPORTS ────────────────
 * The CSV import path as a person uses it: the file's bytes previewed against the store (decode, parse, validate,
 * reconcile: previewImportBytes), then the plan committed (importRows: every row through asset.create in one
 * transaction). Both steps are timed; rows per second is over the two together.
 */
export const IMPORT_PATH = 'CSV import: previewImportBytes + importRows (src-main/import), Custodian asset template';

async function importCsv(env: MutationEnvironment, csv: Uint8Array): Promise<{ rows: number; previewMs: number; commitMs: number }> {
  const started = performance.now();
  const { preview, plan } = await previewImportBytes(env.db, { kind: 'assets', fileName: 'register.csv', bytes: csv });
  if (preview.invalidRows > 0 || plan.rows.length === 0)
    throw new Error(`The generated register did not preview cleanly: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  const previewed = performance.now();
  const { imported } = await importRows(env, plan);
  return { rows: imported, previewMs: previewed - started, commitMs: performance.now() - previewed };
}
// ─────────────────────────────────────────────────────────────────────

export interface ImportResult {
  readonly path: string;
  readonly rows: number;
  /** Rows per second of each run (preview and commit together). */
  readonly runs: readonly number[];
  /** Median of the runs. */
  readonly rowsPerSecond: number;
  readonly previewMs: readonly number[];
  readonly commitMs: readonly number[];
}

/** Register rows from the department generator, as Custodian's asset template: realistic tags, serials, IMEIs, values. */
function registerCsv(count: number, seed: number): Uint8Array {
  const department = generateDepartment({ people: 30, assets: count, levels: 2, seed }, { asOf: new Date().toISOString() });
  const rows: AssetRow[] = [];
  for (const mutation of department.mutations()) if (mutation.name === 'asset.create') rows.push(mutation.args);
  const cells = rows.map((row) => [
    row.assetTag,
    row.serialNumber,
    row.type,
    row.model,
    row.imei ?? '',
    row.phoneNumber ?? '',
    row.purchaseDate ?? '',
    row.purchaseValuePence === null || row.purchaseValuePence === undefined ? '' : penceToPounds(row.purchaseValuePence).replace(/[£,]/g, ''),
    row.location ?? '',
    row.notes ?? '',
    '', // holder_staff_number: a register import brings kit in stock
  ]);
  return new TextEncoder().encode(toCsv(IMPORT_TEMPLATE_HEADERS.assets.split(','), cells));
}

/** Imports the file into a fresh, empty store, `runs` times (a new store each time), and reports rows per second. */
export async function benchImport(count: number, runs: number, seed: number): Promise<ImportResult> {
  const csv = registerCsv(count, seed);
  const rates: number[] = [];
  const previewMs: number[] = [];
  const commitMs: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'custodian-bench-import-'));
    const store = openStore(dir, LOCAL_MIGRATIONS);
    try {
      const result = await importCsv({ db: store.db, clientId: store.installation.clientId, actorId: null, clock: () => new Date() }, csv);
      rows = result.rows;
      rates.push((result.rows / (result.previewMs + result.commitMs)) * 1000);
      previewMs.push(result.previewMs);
      commitMs.push(result.commitMs);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { path: IMPORT_PATH, rows, runs: rates, rowsPerSecond: median(rates), previewMs, commitMs };
}
