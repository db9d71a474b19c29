import { describe, expect, it } from 'vitest';
import { buildImportPreview } from '../../src-shared/import/preview';
import { MAX_IMPORT_FILE_BYTES } from '../../src-shared/import/limits';
import { decodeBase64, decodeCsvBytes } from '../../src-main/import/decode-bytes';
import { createImportLookup } from '../../src-main/import/store-lookup';
import { decodeWindows1252 } from '../../src-main/import/windows-1252';
import { memoryStore } from '../support/store';
import { ASSET_HEADER, assetLine, assetRows, csv, fixture, PEOPLE_HEADER, personRows, preview, rowErrors } from './support';

const decoded = (bytes: Uint8Array) => {
  const result = decodeCsvBytes(bytes);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('decoding the bytes', () => {
  it('strips a UTF-8 byte-order mark and reads UTF-8', () => {
    const result = decoded(Buffer.from('\uFEFFname\nZoë £5\n', 'utf8'));
    expect(result).toEqual({ ok: true, text: 'name\nZoë £5\n', encoding: 'utf-8' });
  });

  it('reads bytes that are not valid UTF-8 as Windows-1252 (£ é € – ’), as UK Excel writes them', () => {
    const result = decoded(Uint8Array.from([0xa3, 0x35, 0x20, 0xe9, 0x20, 0x80, 0x20, 0x96, 0x20, 0x92]));
    expect(result).toEqual({ ok: true, text: '£5 é € – ’', encoding: 'windows-1252' });
  });

  it('maps every byte 0x80–0x9F as Windows-1252 does (Node 20\'s own decoder treats them as Latin-1 controls)', () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe(
      '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
        '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178',
    );
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa3, 0xe9, 0xff]))).toBe('A£éÿ');
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode Text")', () => {
    const text = 'name\tvalue\n£\t1\n';
    expect(decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses an Excel workbook with a hint to save it as CSV', () => {
    const result = decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Excel workbook.*CSV UTF-8/);
  });

  it('refuses a file over 50 MB without decoding it', () => {
    const result = decodeCsvBytes(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/larger than 50 MB/) as unknown });
  });

  it('accepts only strict base64', () => {
    expect(Buffer.from(decodeBase64(Buffer.from('a,b\n').toString('base64')) ?? [])).toEqual(Buffer.from('a,b\n'));
    expect(decodeBase64('')?.length).toBe(0);
    expect(decodeBase64('YS*i')).toBeNull();
    expect(decodeBase64('YWJj\nZGVm')).toBeNull();
    expect(decodeBase64('YWJ')).toBeNull();
  });
});

describe('line endings, byte-order mark and encodings', () => {
  const lines = [ASSET_HEADER, assetLine({ tag: 'LT-1', serial: 'SN1', notes: 'first' }), assetLine({ tag: 'LT-2', serial: 'SN2', notes: 'second' })];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['bare CR', '\r'],
  ])('reads %s line endings the same way', async (_name, ending) => {
    const { preview: p, plan } = await preview(memoryStore(), 'assets', lines.join(ending) + ending);
    expect(p.errors).toEqual([]);
    expect(assetRows(plan).map((r) => [r.row, r.args.notes])).toEqual([
      [2, 'first'],
      [3, 'second'],
    ]);
  });

  it('reads a file mixing endings, with a BOM, in CRLF', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', `\uFEFF${lines[0] ?? ''}\r\n${lines[1] ?? ''}\r${lines[2] ?? ''}\n`);
    expect([p.rows, p.valid, p.errorCount, p.format, p.encoding]).toEqual([2, 2, 0, 'custodian', 'utf-8']);
  });

  it('reads Windows-1252 files: £ in costs and notes, accented names', async () => {
    const store = memoryStore();
    const people = await preview(store, 'people', fixture('people-windows-1252.csv'));
    expect(people.preview.encoding).toBe('windows-1252');
    expect(personRows(people.plan).map((r) => r.args.name)).toEqual(['Zoë Brontë', 'José Núñez']);
    const assets = await preview(store, 'assets', fixture('assets-windows-1252.csv'));
    expect(assets.preview.errors).toEqual([]);
    const [row] = assetRows(assets.plan);
    expect(row?.args).toMatchObject({ purchaseValuePence: 104950, location: 'Café level 3', notes: 'Bought for £1049.50 – café refit' });
  });

  it('keeps a quoted value across lines as one row, and counts rows as a spreadsheet does', async () => {
    const text = csv(ASSET_HEADER, assetLine({ tag: 'LT-1', serial: 'S1', notes: '"line one\nline two"' }), assetLine({ tag: 'LT-2', serial: 'S2', date: '31/02/2024' }));
    const { preview: p, plan } = await preview(memoryStore(), 'assets', text);
    expect(assetRows(plan)[0]?.args.notes).toBe('line one\nline two');
    expect(rowErrors(p, 3)).toEqual([{ field: 'purchase_date', message: 'The purchase date 31/02/2024 is not a real date' }]);
  });

  it('skips blank lines but still counts them in row numbers', async () => {
    const text = csv(ASSET_HEADER, assetLine({ tag: 'LT-1', serial: 'S1' }), '', ',,,,,,,,,,', assetLine({ tag: 'LT-2', serial: 'S2', type: 'phablet' }));
    const { preview: p } = await preview(memoryStore(), 'assets', text);
    expect([p.rows, p.valid]).toEqual([2, 1]);
    expect(p.errors.map((e) => e.row)).toEqual([5]);
  });

  it('reads semicolon- and tab-separated files, deciding from the header row only', async () => {
    const semicolon = csv('staff_number;name;email;roles', 'S1;Ada Lovelace;ada@example.gov.uk;"line_manager;admin"');
    const tab = csv('staff_number\tname\temail', 'S2\tGrace Hopper\tgrace@example.gov.uk');
    const store = memoryStore();
    expect((await preview(store, 'people', semicolon)).plan.rows[0]?.args).toMatchObject({ staffNumber: 'S1', roles: ['staff', 'line_manager', 'admin'] });
    expect((await preview(store, 'people', tab)).plan.rows[0]?.args).toMatchObject({ staffNumber: 'S2', name: 'Grace Hopper' });
  });

  it('takes off the apostrophe that Custodian’s export puts before + = - @, so an export imports back', async () => {
    const text = csv(ASSET_HEADER, assetLine({ type: 'smartphone', model: 'iPhone', phone: "'+447700900982", notes: "'=not a formula" }));
    const { plan } = await preview(memoryStore(), 'assets', text);
    expect(assetRows(plan)[0]?.args).toMatchObject({ phoneNumber: '+447700900982', notes: '=not a formula' });
  });
});

describe('malformed CSV: each bad row reported with its number, the rest still read', () => {
  it('reports a row with too few values and one with too many, but not a stray comma at the end of a line', async () => {
    const text = csv(ASSET_HEADER, 'LT-1,SN1,laptop,Dell', `${assetLine({ tag: 'LT-2', serial: 'SN2' })},extra`, `${assetLine({ tag: 'LT-3', serial: 'SN3' })},`);
    const { preview: p } = await preview(memoryStore(), 'assets', text);
    expect(rowErrors(p, 2)).toEqual([{ field: '', message: 'This row has 4 values but the header has 11 columns: a value or a comma is missing' }]);
    expect(rowErrors(p, 3)[0]?.message).toMatch(/12 values but the header has 11 columns: a value with a comma in it needs quotes/);
    expect([p.rows, p.valid, p.invalidRows]).toEqual([3, 1, 2]);
  });

  it('reports an unterminated quote at the row where it opens; rows before it are still valid', async () => {
    const text = csv(ASSET_HEADER, assetLine({ tag: 'LT-1', serial: 'S1' }), assetLine({ tag: 'LT-2', serial: 'S2', notes: '"never closed' }), assetLine({ tag: 'LT-3', serial: 'S3' }));
    const { preview: p } = await preview(memoryStore(), 'assets', text);
    expect(rowErrors(p, 3)).toEqual([
      { field: '', message: expect.stringMatching(/^A quoted value that starts in this row is never closed.*rest of the file could not be read$/) as unknown },
    ]);
    expect([p.rows, p.valid]).toEqual([2, 1]);
  });

  it('reports text after a closing quote', async () => {
    const text = csv(ASSET_HEADER, `LT-1,S1,laptop,"Dell"XPS,,,,,,,`, assetLine({ tag: 'LT-2', serial: 'S2' }));
    const { preview: p } = await preview(memoryStore(), 'assets', text);
    expect(p.errors[0]).toMatchObject({ row: 2, field: '' });
    expect(p.errors[0]?.message).toMatch(/quote/);
  });

  it('reports binary junk inside a row, naming the column, and reads the other rows', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${ASSET_HEADER}\n${assetLine({ tag: 'LT-1', serial: 'S1' })}\nLT-2,S2,laptop,Dell `),
      Buffer.from([0x00, 0x01, 0x02, 0x1b]),
      Buffer.from(`,,,,,,,\n${assetLine({ tag: 'LT-3', serial: 'S3' })}\n`),
    ]);
    const { preview: p } = await preview(memoryStore(), 'assets', bytes);
    expect(p.errors).toEqual([{ row: 3, field: 'model', message: 'This value holds unreadable characters (binary data or a damaged file)' }]);
    expect(p.valid).toBe(2);
  });

  it('finds junk in whichever chunk of rows it is read in, and only in the row that has it', async () => {
    const store = memoryStore();
    const lines = Array.from({ length: 7 }, (_, i) => assetLine({ tag: `LT-${String(i)}`, serial: `S${String(i)}` }));
    lines[4] = `LT-4,S4,laptop,Dell,,,,,Leeds \u0007,,`;
    const built = await buildImportPreview('assets', csv(ASSET_HEADER, ...lines), {
      lookup: createImportLookup(store.db),
      newId: () => crypto.randomUUID(),
      chunkRows: 2,
    });
    expect(built.summary.errors).toEqual([{ row: 6, field: 'location', message: 'This value holds unreadable characters (binary data or a damaged file)' }]);
    expect(built.plan.rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 7, 8]);
  });

  it('gives a file that is binary one whole-file error, not one per row', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array<number>(200).fill(0)]);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const bytes of [png, noise]) {
      const { preview: p } = await preview(memoryStore(), 'assets', bytes);
      expect(p.errors).toHaveLength(1);
      expect(p.errors[0]).toMatchObject({ row: 0, field: '' });
      expect([p.rows, p.valid, p.format]).toEqual([0, 0, 'unknown']);
    }
  });

  it('gives a file that is not CSV at all one clear whole-file error', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', 'Dear service desk,\nPlease find attached the list of laptops.\nThanks\n');
    expect(p.errors).toEqual([
      { row: 0, field: '', message: expect.stringMatching(/^The first row is not a header Custodian recognises\. Use Custodian's assets template \("asset_tag"/) as unknown },
    ]);
  });

  it('says so when the file is empty, and accepts a header with no rows', async () => {
    for (const text of ['', '   \n\n', '\uFEFF']) {
      expect((await preview(memoryStore(), 'assets', text)).preview.errors[0]?.message).toMatch(/The file is empty/);
    }
    const { preview: p } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER));
    expect([p.rows, p.valid, p.errorCount]).toEqual([0, 0, 0]);
  });

  it('refuses a file with more rows than the cap, as one whole-file error', async () => {
    const store = memoryStore();
    const text = csv(PEOPLE_HEADER, ...Array.from({ length: 12 }, (_, i) => `S${String(i)},Person ${String(i)},p${String(i)}@example.gov.uk,,,,`));
    const built = await buildImportPreview('people', text, { lookup: createImportLookup(store.db), newId: () => crypto.randomUUID(), maxRows: 10, chunkRows: 4 });
    expect(built.summary.errors).toEqual([{ row: 0, field: '', message: 'The file has more than 10 rows: split it into smaller files and import each one' }]);
    expect(built.plan.rows).toEqual([]);
  });
});

describe('the header row', () => {
  it('matches Custodian’s column names whatever their case, spacing or punctuation', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', csv('Asset Tag, Serial Number ,TYPE,Model', 'LT-1,S1,Laptop,Dell'));
    expect([p.format, p.valid]).toEqual(['custodian', 1]);
  });

  it('names the required columns that are missing', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', csv('asset_tag,serial_number,model', 'LT-1,S1,Dell'));
    expect(p.errors[0]?.message).toMatch(/^The header row has no "type" column, which Custodian's asset template needs/);
  });

  it('refuses a header with the same column twice', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', csv('asset_tag,serial_number,type,model,serial_number', 'LT-1,S1,laptop,Dell,S2'));
    expect(p.errors[0]?.message).toBe('The column "serial_number" appears twice in the header row: remove one of them');
  });

  it('spots a people file offered as assets, and the other way round', async () => {
    const asAssets = await preview(memoryStore(), 'assets', fixture('custodian-people.csv'));
    expect(asAssets.preview.errors[0]?.message).toBe("This looks like a file of people (Custodian's people template): import it as people, not assets");
    const asPeople = await preview(memoryStore(), 'people', fixture('snipeit-assets.csv'));
    expect(asPeople.preview.errors[0]?.message).toBe('This looks like a file of assets (a Snipe-IT asset export): import it as assets, not people');
  });

  it('warns about columns not in the template, but not about the ones Custodian’s own export adds', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', csv(`${ASSET_HEADER},holder_name,status,cost_centre`, `${assetLine({})},,In stock,CC-12`));
    expect(p.ignoredColumns).toEqual(['holder_name', 'status', 'cost_centre']);
    expect(p.warnings).toEqual([{ row: 1, field: 'cost_centre', message: 'Column "cost_centre" is not in Custodian\'s asset template, so it is ignored' }]);
    expect(p.valid).toBe(1);
  });
});
