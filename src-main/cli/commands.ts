import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ASSET_EXPORT_COLUMNS, PEOPLE_EXPORT_COLUMNS } from '../../src-shared/export/columns';
import { FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_FILE_BYTES } from '../../src-shared/import/limits';
import { IMPORT_TEMPLATE_HEADERS } from '../../src-shared/import/templates';
import { DomainError } from '../../src-shared/result';
import { exportBytes } from '../import/export-file';
import { assetExportRows, peopleExportRows } from '../import/export-rows';
import { importRows } from '../import/import-rows';
import { previewImportBytes } from '../import/preview-file';
import { LOCAL_MIGRATIONS } from '../store/local-migrations';
import { ensureInstallation } from '../store/installation';
import { openDatabase, openStore, STORE_FILE_NAME, type Store } from '../store/open-store';
import type { CliCommand } from './args';
import { describePreview, previewJson } from './output';

export const EXIT = { ok: 0, dataErrors: 1, usage: 2, environment: 3 } as const;

/** Where the CLI writes; tests of the pure parts pass their own. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** A failure of the environment (file or store), as opposed to a problem in the data: exit code 3. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openOrFail(dataDir: string): Store {
  try {
    return openStore(dataDir, LOCAL_MIGRATIONS);
  } catch (error) {
    throw new EnvironmentError(describeCause(error));
  }
}

/**
 * A dry run never creates a store: with no store in the directory yet, the file is checked against an empty one in
 * memory (every holder and line manager must then be in the file itself).
 */
function storeForDryRun(dataDir: string): Store {
  if (existsSync(join(dataDir, STORE_FILE_NAME))) return openOrFail(dataDir);
  const db = openDatabase(':memory:', LOCAL_MIGRATIONS);
  return { db, file: ':memory:', installation: ensureInstallation(db), close: () => db.close() };
}

async function readImportFile(file: string): Promise<Uint8Array | null> {
  try {
    // Checked before reading, so a huge file is refused without being loaded.
    if ((await stat(file)).size > MAX_IMPORT_FILE_BYTES) return null;
    return await readFile(file);
  } catch (error) {
    throw new EnvironmentError(`Cannot read ${file}: ${describeCause(error)}`);
  }
}

export async function runImport(command: Extract<CliCommand, { command: 'import' }>, dataDir: string, io: CliOutput): Promise<number> {
  const bytes = await readImportFile(command.file);
  if (bytes === null) {
    const errors = [{ row: 0, field: '', message: FILE_TOO_LARGE_MESSAGE }];
    io.out(command.json ? JSON.stringify({ valid: 0, errors, warnings: [], imported: 0 }, null, 2) : `${command.file}: ${FILE_TOO_LARGE_MESSAGE}`);
    return EXIT.dataErrors;
  }
  const store = command.dryRun ? storeForDryRun(dataDir) : openOrFail(dataDir);
  try {
    const { preview, plan } = await previewImportBytes(store.db, { kind: command.kind, fileName: basename(command.file), bytes });
    let imported = 0;
    let failure: string | null = null;
    if (!command.dryRun && plan.rows.length > 0) {
      try {
        const env = { db: store.db, clientId: store.installation.clientId, actorId: null, clock: () => new Date() };
        imported = (await importRows(env, plan)).imported;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failure = error.message;
      }
    }
    if (command.json) io.out(previewJson(preview, { dryRun: command.dryRun, imported, failure }));
    else {
      for (const line of describePreview(preview)) io.out(line);
      if (failure !== null) io.out(`Nothing imported: ${failure}`);
      else io.out(command.dryRun ? 'Dry run: nothing was imported.' : `Imported ${String(imported)} ${command.kind} into ${store.file}.`);
    }
    return preview.errorCount > 0 || failure !== null ? EXIT.dataErrors : EXIT.ok;
  } finally {
    store.close();
  }
}

export async function runExport(command: Extract<CliCommand, { command: 'export' }>, dataDir: string, io: CliOutput): Promise<number> {
  const store = openOrFail(dataDir);
  let bytes: Buffer;
  let rows: number;
  try {
    if (command.kind === 'assets') {
      const assets = assetExportRows(store.db, { filters: command.filters, sort: { column: 'assetTag', direction: 'asc' } });
      rows = assets.length;
      bytes = await exportBytes({ subject: 'assets', columns: ASSET_EXPORT_COLUMNS, rows: assets, format: command.format });
    } else {
      const people = peopleExportRows(store.db, command.filters);
      rows = people.length;
      bytes = await exportBytes({ subject: 'people', columns: PEOPLE_EXPORT_COLUMNS, rows: people, format: command.format });
    }
  } finally {
    store.close();
  }
  try {
    await writeFile(command.out, bytes);
  } catch (error) {
    throw new EnvironmentError(`Cannot write ${command.out}: ${describeCause(error)}`);
  }
  io.out(`Exported ${String(rows)} ${command.kind} to ${command.out} (${command.format.toUpperCase()}).`);
  return EXIT.ok;
}

export function runTemplate(command: Extract<CliCommand, { command: 'template' }>, io: CliOutput): number {
  io.out(IMPORT_TEMPLATE_HEADERS[command.kind]);
  return EXIT.ok;
}
