import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../src-shared/import/limits';
import { LOCAL_MIGRATIONS } from '../../src-main/store/local-migrations';
import { openStore } from '../../src-main/store/open-store';
import { tempDir } from '../support/store';
import { FIXTURES } from './support';

// Each test spawns the CLI a few times; on a busy machine that can take longer than the 5 s default.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Built once for this file, beside dist/ so the bundle finds node_modules; per process, so parallel runs never clash. */
const OUT_DIR = join(ROOT, 'dist', `cli-test-${String(process.pid)}`);
const CLI = join(OUT_DIR, 'cli.js');

beforeAll(async () => {
  await build({ configFile: join(ROOT, 'vite.cli.config.ts'), root: ROOT, logLevel: 'silent', build: { outDir: OUT_DIR } });
}, 120_000);

afterAll(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI with no access to a real data directory: HOME points at a temp dir too. */
function cli(args: readonly string[], env: Record<string, string> = {}): Run {
  const home = tempDir('custodian-cli-home-');
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => join(FIXTURES, name);

function storeCounts(dataDir: string): { people: number; assets: number; outbox: number } {
  const store = openStore(dataDir, LOCAL_MIGRATIONS);
  try {
    const n = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { people: n('people'), assets: n('assets'), outbox: n('outbox') };
  } finally {
    store.close();
  }
}

describe('npm run cli -- template', () => {
  it('prints the header line of each template', () => {
    expect(cli(['template', 'assets'])).toEqual({
      code: 0,
      stdout: 'asset_tag,serial_number,type,model,imei,phone_number,purchase_date,purchase_value,location,notes,holder_staff_number\n',
      stderr: '',
    });
    expect(cli(['template', 'people']).stdout).toBe('staff_number,name,email,line_manager_staff_number,roles,status,training_completed_on\n');
  });
});

describe('npm run cli -- import', () => {
  it('--dry-run --json prints { valid, errors: [{ row, field, message }] } first, writes nothing, exits 1 on errors', () => {
    const dataDir = tempDir();
    const run = cli(['import', 'people', fixture('snipeit-users.csv'), '--dry-run', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(output).slice(0, 2)).toEqual(['valid', 'errors']);
    expect(output.valid).toBe(3);
    expect(output.errors).toEqual([
      { row: 5, field: 'Employee Number', message: 'Enter the staff number' },
      { row: 6, field: 'Email', message: 'Enter an email address' },
      { row: 6, field: 'Manager', message: 'Unknown line manager: no one called "Nobody Known" is in this file or the directory' },
    ]);
    for (const error of output.errors as object[]) expect(Object.keys(error)).toEqual(['row', 'field', 'message']);
    expect(output).toMatchObject({ dryRun: true, imported: 0, format: 'snipeit', rows: 5 });
    // A dry run against a directory with no store yet does not create one.
    expect(existsSync(join(dataDir, 'custodian.db'))).toBe(false);
  });

  it('--dry-run exits 0 for a clean file and leaves an existing store untouched', () => {
    const dataDir = tempDir();
    expect(cli(['import', 'people', fixture('custodian-people.csv'), '--data-dir', dataDir]).code).toBe(0);
    const run = cli(['import', 'assets', fixture('custodian-assets.csv'), '--dry-run', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('custodian-assets.csv: 5 rows, 5 valid, 0 with errors');
    expect(run.stdout).toContain('Dry run: nothing was imported.');
    expect(storeCounts(dataDir)).toEqual({ people: 5, assets: 0, outbox: 1 }); // one person.import batch
  });

  it('imports into the store in --data-dir, and only the valid rows when some have errors (exit 1)', () => {
    const dataDir = tempDir();
    const people = cli(['import', 'people', fixture('custodian-people.csv'), '--data-dir', dataDir]);
    expect(people).toMatchObject({ code: 0, stderr: '' });
    expect(people.stdout).toContain(`Imported 5 people into ${join(dataDir, 'custodian.db')}.`);
    const assets = cli(['import', 'assets', fixture('snipeit-assets.csv'), '--json', '--data-dir', dataDir]);
    expect(assets.code).toBe(1);
    expect(JSON.parse(assets.stdout)).toMatchObject({ valid: 5, imported: 5, dryRun: false, failure: null });
    expect(storeCounts(dataDir)).toEqual({ people: 5, assets: 5, outbox: 2 }); // and one asset.import batch
  });

  it('prints a short human summary with the first errors', () => {
    const run = cli(['import', 'assets', fixture('snipeit-assets.csv'), '--dry-run', '--data-dir', tempDir()]);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      // An empty store: the holders Snipe-IT names are not in the directory yet.
      'snipeit-assets.csv: 6 rows, 2 valid, 4 with errors (Snipe-IT export, read as utf-8)',
      'Errors (4):',
      expect.stringMatching(/^ {2}row 2, Checked Out To: Unknown holder/) as unknown,
    ]);
  });

  it('falls back to CUSTODIAN_DATA_DIR like the app', () => {
    const dataDir = tempDir();
    expect(cli(['import', 'people', fixture('custodian-people.csv')], { CUSTODIAN_DATA_DIR: dataDir }).code).toBe(0);
    expect(storeCounts(dataDir).people).toBe(5);
  });

  it('refuses a file over 50 MB without reading it (exit 1)', () => {
    const file = join(tempDir(), 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, MAX_IMPORT_FILE_BYTES + 1);
    const run = cli(['import', 'assets', file, '--dry-run', '--json', '--data-dir', tempDir()]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: 0, errors: [{ row: 0, field: '', message: expect.stringMatching(/larger than 50 MB/) as unknown }] });
  });
});

describe('npm run cli -- export', () => {
  it('writes CSV and XLSX files of the store, with filters', async () => {
    const dataDir = tempDir();
    cli(['import', 'people', fixture('custodian-people.csv'), '--data-dir', dataDir]);
    cli(['import', 'assets', fixture('custodian-assets.csv'), '--data-dir', dataDir]);
    const csvFile = join(tempDir(), 'assets.csv');
    const run = cli(['export', 'assets', '--format', 'csv', '--out', csvFile, '--type', 'laptop', '--data-dir', dataDir]);
    expect(run).toEqual({ code: 0, stdout: `Exported 2 assets to ${csvFile} (CSV).\n`, stderr: '' });
    const lines = readFileSync(csvFile, 'utf8').split('\r\n');
    expect(lines[0]?.startsWith('\uFEFF"asset_tag","serial_number"')).toBe(true);
    expect(lines.slice(1, 3).map((line) => line.split(',')[0])).toEqual(['"LT-0001"', '"LT-0002"']);

    const xlsxFile = join(tempDir(), 'people.xlsx');
    expect(cli(['export', 'people', '--format', 'xlsx', '--out', xlsxFile, '--status', 'leaving', '--data-dir', dataDir]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.getWorksheet('People');
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe('Katherine Johnson');
  });
});

describe('exit codes for usage and environment problems', () => {
  it('exits 2 with the usage on stderr for a command it cannot act on (every case: cli-args.test.ts)', () => {
    for (const args of [['import', 'widgets', 'x.csv'], ['import', 'assets', 'a.csv', '--data-dir', 'a', '--data-dir', 'b']]) {
      const run = cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage:');
    }
  });

  it('prints the usage for help, exit 0', () => {
    for (const args of [[], ['help'], ['--help']]) expect(cli(args)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage:') as unknown });
  });

  it('exits 3 when the file or the store cannot be opened', () => {
    const missing = cli(['import', 'assets', join(tempDir(), 'missing.csv'), '--data-dir', tempDir()]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^Custodian: Cannot read .*missing\.csv: ENOENT/);
    const notADirectory = join(tempDir(), 'plain-file');
    writeFileSync(notADirectory, 'not a directory');
    expect(cli(['export', 'assets', '--format', 'csv', '--out', join(tempDir(), 'x.csv'), '--data-dir', notADirectory]).code).toBe(3);
  });
});
