import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { ExportFile } from '../../src-shared/export/contract';
import { csvCell, toCsv } from '../../src-shared/export/csv-writer';
import { newId } from '../../src-shared/ids';
import { mutators } from '../../src-shared/mutators/registry';
import { CURRENT_AUP_VERSION } from '../../src-shared/domain/policy';
import { runMutation } from '../../src-main/store/mutation-runner';
import type { Store } from '../../src-main/store/open-store';
import { testDispatcher } from '../support/dispatcher';
import { FIXED_NOW, memoryStore } from '../support/store';
import { assetRows, environment, fixture, preview, value } from './support';
import { importRows } from '../../src-main/import/import-rows';

// XLSX writing on a busy machine; the default 5 s is a timeout, not a speed check.
vi.setConfig({ testTimeout: 60_000 });

async function seeded(): Promise<{ dispatch: ReturnType<typeof testDispatcher>['dispatch']; store: Store }> {
  const { dispatch, store } = testDispatcher();
  const s = store as Store;
  for (const kind of ['people', 'assets'] as const) {
    const { plan } = await preview(s, kind, fixture(`custodian-${kind}.csv`));
    await importRows(environment(s), plan);
  }
  const alan = s.db.prepare("SELECT id FROM people WHERE staff_number = 'S1003'").get() as { id: string };
  const laptop = s.db.prepare("SELECT id FROM assets WHERE asset_tag = 'LT-0001'").get() as { id: string };
  await runMutation(environment(s), mutators['asset.issue'], { assetId: laptop.id, personId: alan.id, aupVersion: CURRENT_AUP_VERSION, aupConfirmed: true });
  return { dispatch, store: s };
}

function text(file: unknown): string {
  return bytes(file).toString('utf8');
}

/** The file in an export.* answer. */
function exported(result: unknown): ExportFile {
  return result as ExportFile;
}

function bytes(file: unknown): Buffer {
  return Buffer.from(exported(file).contentBase64, 'base64');
}

describe('CSV cells and files', () => {
  it.each([
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+44 7700 900982', `"'+44 7700 900982"`],
    ['-2+3', `"'-2+3"`],
    ['@cmd', `"'@cmd"`],
    ['\tleading tab', `"'\tleading tab"`],
    ['\rleading return', `"'\rleading return"`],
    ['say "hi", then =go', '"say ""hi"", then =go"'],
    ['plain', '"plain"'],
    ['', '""'],
  ])('writes %j safely as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes UTF-8 with a byte-order mark and CRLF line endings, for Excel', () => {
    expect(toCsv(['a', 'b'], [['1', 'line\nbreak']])).toBe('\uFEFF"a","b"\r\n"1","line\nbreak"\r\n');
  });
});

describe('export.assets and export.people', () => {
  it('exports the filtered register as CSV in the import template’s columns, with £ values as plain pounds', async () => {
    const { dispatch } = await seeded();
    const file = exported(value(await dispatch('export.assets', { filters: { types: ['laptop'] }, format: 'csv' })));
    expect(file).toMatchObject({ fileName: `custodian-assets-${FIXED_NOW.toISOString().slice(0, 10)}.csv`, mimeType: 'text/csv;charset=utf-8', rows: 2 });
    const lines = text(file).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF"asset_tag","serial_number","type","model","imei","phone_number","purchase_date","purchase_value","location","notes","holder_staff_number","holder_name","status"',
    );
    expect(lines[1]).toBe('"LT-0001","PF3XK9A1","Laptop","Lenovo ThinkPad T14 Gen 4","","","2024-03-27","1299.99","London 10 South Colonnade","","S1003","Alan Turing","Issued"');
    expect(lines).toHaveLength(4);
  });

  it('exports with the same filters and sort as the register page', async () => {
    const { dispatch } = await seeded();
    const input = { filters: { statuses: ['in_stock' as const], search: 'lenovo' }, sort: { column: 'assetTag' as const, direction: 'desc' as const } };
    const page = value(await dispatch('asset.page', { ...input, limit: 500 })) as { items: { assetTag: string }[] };
    const file = value(await dispatch('export.assets', { ...input, format: 'csv' }));
    const tags = text(file).split('\r\n').slice(1, -1).map((line) => line.split(',')[0]?.replaceAll('"', ''));
    expect(tags).toEqual(page.items.map((a) => a.assetTag));
    expect(tags).toEqual(['LT-0002']);
  });

  it('escapes values that a spreadsheet would run as formulas', async () => {
    const { dispatch, store } = testDispatcher();
    await runMutation(environment(store as Store), mutators['asset.create'], {
      id: newId(),
      assetTag: 'LT-1',
      serialNumber: 'S1',
      type: 'smartphone',
      model: '=HYPERLINK("http://evil.example","click")',
      phoneNumber: '+447700900982',
      notes: '@SUM(1+1)',
    });
    const line = text(value(await dispatch('export.assets', { filters: {}, format: 'csv' }))).split('\r\n')[1] ?? '';
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(line).toContain(`"'+447700900982"`);
    expect(line).toContain(`"'@SUM(1+1)"`);
  });

  it('exports people, filtered by status and search, with roles and line managers', async () => {
    const { dispatch } = await seeded();
    const all = text(value(await dispatch('export.people', { format: 'csv' }))).split('\r\n');
    expect(all[0]).toBe('\uFEFF"staff_number","name","email","line_manager_staff_number","roles","status","training_completed_on","line_manager_name"');
    expect(all[1]).toBe('"S1001","Ada Lovelace","ada.lovelace@example.gov.uk","","Staff; Line manager; Administrator","Active","2026-01-09",""');
    const leaving = exported(value(await dispatch('export.people', { filters: { status: 'leaving' }, format: 'csv' })));
    expect(leaving.rows).toBe(1);
    expect(text(leaving)).toContain('"S1004","Katherine Johnson"');
    expect(exported(value(await dispatch('export.people', { filters: { search: 'grace' }, format: 'csv' }))).rows).toBe(1);
  });

  it('exports XLSX that ExcelJS reads back: bold frozen header, widths, £ values and dates', async () => {
    const { dispatch } = await seeded();
    const file = exported(value(await dispatch('export.assets', { filters: {}, format: 'xlsx' })));
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(/^custodian-assets-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Assets');
    if (!sheet) throw new Error('no Assets sheet');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Asset tag', 'Serial number', 'Type', 'Make and model', 'IMEI', 'Phone number', 'Purchase date', 'Purchase value', 'Location', 'Notes', 'Holder staff number', 'Holder', 'Status']);
    expect(sheet.getRow(1).font.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(4).width).toBe(30);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('LT-0001');
    expect(first.getCell(8).value).toBe(1299.99);
    expect(first.getCell(8).numFmt).toBe('"£"#,##0.00');
    expect(first.getCell(7).value).toEqual(new Date('2024-03-27T00:00:00Z'));
    expect(first.getCell(12).value).toBe('Alan Turing');
    const people = value(await dispatch('export.people', { format: 'xlsx' }));
    const peopleBook = new ExcelJS.Workbook();
    await peopleBook.xlsx.load(bytes(people) as unknown as ArrayBuffer);
    expect(peopleBook.getWorksheet('People')?.rowCount).toBe(6);
  });

  it('exports an empty list as a header row only', async () => {
    const { dispatch } = testDispatcher();
    const file = exported(value(await dispatch('export.assets', { filters: { search: '!!!' }, format: 'csv' })));
    expect([file.rows, text(file)]).toEqual([0, `${text(file).split('\r\n')[0] ?? ''}\r\n`]);
  });
});

describe('round trip: export, then import into another store', () => {
  it('gives the same people and assets back', async () => {
    const { dispatch } = await seeded();
    const peopleCsv = bytes(value(await dispatch('export.people', { format: 'csv' })));
    const assetsCsv = bytes(value(await dispatch('export.assets', { filters: {}, format: 'csv' })));
    const target = memoryStore();
    const people = await preview(target, 'people', peopleCsv);
    expect([people.preview.errorCount, people.preview.warningCount, people.preview.valid]).toEqual([0, 0, 5]);
    await importRows(environment(target), people.plan);
    const assets = await preview(target, 'assets', assetsCsv);
    expect([assets.preview.errorCount, assets.preview.valid]).toEqual([0, 5]);
    // The one issued laptop comes back in stock, with the usual "issue it from the asset page" warning.
    expect(assets.preview.warnings.map((w) => w.row)).toEqual([2]);
    await importRows(environment(target), assets.plan);
    const columns = 'asset_tag, serial_number, type, model, imei, phone_number, purchase_date, purchase_value_pence, location, notes';
    const { store: source } = await seeded();
    const read = (store: Store, sql: string) => store.db.prepare(sql).all();
    expect(read(target, `SELECT ${columns} FROM assets ORDER BY asset_tag`)).toEqual(read(source, `SELECT ${columns} FROM assets ORDER BY asset_tag`));
    const peopleColumns = 'p.staff_number, p.name, p.email, p.roles, p.status, p.training_completed_on, m.staff_number AS manager';
    const peopleSql = `SELECT ${peopleColumns} FROM people p LEFT JOIN people m ON m.id = p.line_manager_id ORDER BY p.staff_number`;
    expect(read(target, peopleSql)).toEqual(read(source, peopleSql));
  });

  it('keeps awkward text intact: quotes, commas, new lines, formula-like values', async () => {
    const { dispatch, store } = testDispatcher();
    const notes = ['=1+1 "quoted", with comma', 'two\nlines', '-minus first', '@at', '+plus'];
    for (const [i, note] of notes.entries()) {
      await runMutation(environment(store as Store), mutators['asset.create'], { id: newId(), assetTag: `N-${String(i)}`, serialNumber: `S${String(i)}`, type: 'other', model: 'M', notes: note });
    }
    const file = bytes(value(await dispatch('export.assets', { filters: {}, format: 'csv' })));
    const { plan, preview: p } = await preview(memoryStore(), 'assets', file);
    expect(p.errorCount).toBe(0);
    expect(assetRows(plan).map((r) => r.args.notes)).toEqual(notes);
  });
});
