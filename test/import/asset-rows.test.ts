import { describe, expect, it } from 'vitest';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { memoryStore } from '../support/store';
import { addAsset, addPerson, ASSET_HEADER, assetLine, assetRows, csv, fixture, preview, rowErrors } from './support';

async function errorsFor(line: string) {
  const { preview: p } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER, line));
  return rowErrors(p, 2);
}

describe("Custodian's asset template", () => {
  it('imports the fixture whole, reading types by value or label and both date styles', async () => {
    const store = memoryStore();
    await addPerson(store, 'S1003', 'Alan Turing');
    await addPerson(store, 'S1004', 'Katherine Johnson');
    const { preview: p, plan } = await preview(store, 'assets', fixture('custodian-assets.csv'));
    expect([p.format, p.rows, p.valid, p.errorCount]).toEqual(['custodian', 5, 5, 0]);
    expect(assetRows(plan).map((r) => r.args.type)).toEqual(['laptop', 'laptop', 'smartphone', 'smartcard', 'network_token']);
    expect(assetRows(plan)[1]?.args).toMatchObject({ assetTag: 'LT-0002', purchaseDate: '2024-03-27', purchaseValuePence: 129999, notes: 'Spare, with charger' });
    expect(assetRows(plan)[2]?.args).toMatchObject({ imei: '356938035643809', phoneNumber: '07700900982' });
    expect(assetRows(plan)[4]?.args.purchaseValuePence).toBe(4250);
    expect(p.sample[0]).toEqual({
      Row: '2',
      'Asset tag': 'LT-0001',
      'Serial number': 'PF3XK9A1',
      Type: 'Laptop',
      'Make and model': 'Lenovo ThinkPad T14 Gen 4',
      IMEI: '',
      'Phone number': '',
      'Purchase date': '2024-03-27',
      'Purchase value': '£1,299.99',
      Location: 'London 10 South Colonnade',
      Notes: '',
      'Holder in the file': 'S1003 Alan Turing',
    });
    expect(Object.keys(p.sample[0] ?? {})).toEqual(p.sampleColumns);
  });

  it.each(Object.entries(ASSET_TYPES))('accepts type %s and its label "%s" in any case', async (type, label) => {
    const phone = type === 'smartphone' || type === 'basic_mobile_phone';
    for (const written of [type, label.toUpperCase(), ` ${label.toLowerCase()} `]) {
      const { plan } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER, assetLine({ type: `"${written}"`, phone: phone ? '07700900982' : '' })));
      expect(assetRows(plan)[0]?.args.type).toBe(type);
    }
  });
});

describe('per-row errors for bad values', () => {
  it('names an unknown type and lists the ones allowed', async () => {
    expect(await errorsFor(assetLine({ type: 'Phablet' }))).toEqual([
      {
        field: 'type',
        message:
          'Unknown type "Phablet": use one of Laptop, Desktop, Tablet, Smartphone, Basic mobile phone, Smartcard, Network dongle or token, Encrypted USB storage, Headset, Monitor, Other',
      },
    ]);
  });

  it.each([
    ['31/02/2024', 'The purchase date 31/02/2024 is not a real date'],
    ['2023-02-29', 'The purchase date 2023-02-29 is not a real date'],
    ['2024-13-01', 'The purchase date 2024-13-01 is not a real date'],
    ['2024/01/02', 'Write the purchase date as a date like 2024-03-27 or 27/03/2024, not "2024/01/02"'],
    ['1/2/24', 'Write the purchase date as a date like 2024-03-27 or 27/03/2024, not "1/2/24"'],
    ['March 2024', 'Write the purchase date as a date like 2024-03-27 or 27/03/2024, not "March 2024"'],
  ])('refuses the date %s', async (date, message) => {
    expect(await errorsFor(assetLine({ date }))).toEqual([{ field: 'purchase_date', message }]);
  });

  it.each([
    ['29/02/2024', '2024-02-29'],
    ['1/3/2024', '2024-03-01'],
    ['2024-03-27', '2024-03-27'],
  ])('reads the date %s as %s', async (date, iso) => {
    const { plan } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER, assetLine({ date })));
    expect(assetRows(plan)[0]?.args.purchaseDate).toBe(iso);
  });

  it.each([
    ['-5', 'The purchase value cannot be negative'],
    ['"-1,299.99"', 'The purchase value cannot be negative'],
    ['(5.00)', 'The purchase value cannot be negative'],
    ['£-5', 'The purchase value cannot be negative'],
    ['abc', 'Write the purchase value in pounds, like 1299.99 or £1,299.99, not "abc"'],
    ['12.345', 'Write the purchase value in pounds, like 1299.99 or £1,299.99, not "12.345"'],
    ['1e3', 'Write the purchase value in pounds, like 1299.99 or £1,299.99, not "1e3"'],
    ['$100', 'Write the purchase value in pounds, like 1299.99 or £1,299.99, not "$100"'],
    ['1000001', 'Purchase value must be £1,000,000 or less'],
  ])('refuses the cost %s', async (value, message) => {
    expect(await errorsFor(assetLine({ value }))).toEqual([{ field: 'purchase_value', message }]);
  });

  it.each([
    ['1299.99', 129999],
    ['"£1,299.99"', 129999],
    ['£ 42.5', 4250],
    ['0', 0],
  ])('reads the cost %s as %i pence', async (value, pence) => {
    const { plan } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER, assetLine({ value })));
    expect(assetRows(plan)[0]?.args.purchaseValuePence).toBe(pence);
  });

  it('reports every problem in a row at once, each under its own column', async () => {
    const errors = await errorsFor(assetLine({ tag: 'LT 1!', serial: '', type: 'laptop', model: '', imei: '123', date: '2024-02-30', value: '-1' }));
    expect(errors.map((e) => e.field)).toEqual(['purchase_date', 'purchase_value', 'asset_tag', 'serial_number', 'model', 'imei']);
    expect(errors.find((e) => e.field === 'serial_number')?.message).toBe('Enter the serial number');
  });

  it('refuses an IMEI or number on something that is not a phone, and a bad IMEI on a phone', async () => {
    expect(await errorsFor(assetLine({ type: 'laptop', imei: '490154203237518' }))).toEqual([
      { field: 'imei', message: 'Only phones have an IMEI: leave it blank for this type' },
    ]);
    expect(await errorsFor(assetLine({ type: 'smartphone', imei: '490154203237519' }))).toEqual([
      { field: 'imei', message: 'IMEI must be 15 digits, as shown by dialling *#06#' },
    ]);
  });

  it('refuses notes longer than the register keeps', async () => {
    expect(await errorsFor(assetLine({ notes: 'x'.repeat(2001) }))).toEqual([{ field: 'notes', message: 'Notes must be 2000 characters or fewer' }]);
  });
});

describe('duplicates and holders', () => {
  it('reports the same tag or serial twice in the file on each later row, naming the first', async () => {
    const text = csv(ASSET_HEADER, assetLine({ tag: 'LT-1', serial: 'A' }), assetLine({ tag: 'lt-1 ', serial: 'B' }), assetLine({ tag: 'LT-2', serial: 'a' }), assetLine({ tag: 'LT-1', serial: 'C' }));
    const { preview: p } = await preview(memoryStore(), 'assets', text);
    expect(p.errors).toEqual([
      { row: 3, field: 'asset_tag', message: 'Asset tag LT-1 is already on row 2 of this file' },
      { row: 4, field: 'serial_number', message: 'Serial number A is already on row 2 of this file' },
      { row: 5, field: 'asset_tag', message: 'Asset tag LT-1 is already on row 2 of this file' },
    ]);
    expect(p.valid).toBe(1);
  });

  it('reports tags and serials already in the register', async () => {
    const store = memoryStore();
    await addAsset(store, 'LT-9', 'SERIAL-9');
    const { preview: p } = await preview(store, 'assets', csv(ASSET_HEADER, assetLine({ tag: 'lt-9', serial: 'X' }), assetLine({ tag: 'LT-10', serial: 'serial-9' })));
    expect(p.errors).toEqual([
      { row: 2, field: 'asset_tag', message: 'Asset tag LT-9 is already in the register' },
      { row: 3, field: 'serial_number', message: 'Serial number SERIAL-9 is already in the register, on asset LT-9' },
    ]);
  });

  it('reports an unknown holder, and never issues to a known one: a warning says to issue from the asset page', async () => {
    const store = memoryStore();
    await addPerson(store, 'S1234', 'Jo Bloggs');
    await addPerson(store, 'S9999', 'Lee Left', { status: 'left' });
    const text = csv(ASSET_HEADER, assetLine({ tag: 'LT-42', serial: 'A', holder: 's1234' }), assetLine({ tag: 'LT-43', serial: 'B', holder: 'S0000' }), assetLine({ tag: 'LT-44', serial: 'C', holder: 'S9999' }));
    const { preview: p, plan } = await preview(store, 'assets', text);
    expect(p.errors).toEqual([
      { row: 3, field: 'holder_staff_number', message: 'Unknown holder: no one with staff number S0000 is in the directory. Import people first, or leave this blank' },
    ]);
    expect(p.warnings).toEqual([
      { row: 2, field: 'holder_staff_number', message: 'LT-42 will be imported in stock: issue it to S1234 (Jo Bloggs) from the asset page, where they confirm the AUP' },
      { row: 4, field: 'holder_staff_number', message: 'LT-44 will be imported in stock: Lee Left (S9999) has left, so it cannot be issued to them' },
    ]);
    expect(assetRows(plan).map((r) => r.args.assetTag)).toEqual(['LT-42', 'LT-44']);
    expect(p.sample.map((s) => s['Holder in the file'])).toEqual(['S1234 Jo Bloggs', 'S9999 Lee Left']);
  });

  it('reports an unknown holder even on a row with other errors, so one pass finds everything', async () => {
    const { preview: p } = await preview(memoryStore(), 'assets', csv(ASSET_HEADER, assetLine({ type: 'robot', holder: 'S1' })));
    expect(rowErrors(p, 2).map((e) => e.field)).toEqual(['type', 'holder_staff_number']);
  });
});
