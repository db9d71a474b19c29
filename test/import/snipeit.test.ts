import { describe, expect, it } from 'vitest';
import { ASSET_TYPES, type AssetType } from '../../src-shared/domain/asset';
import { SNIPEIT_CATEGORY_TYPES, snipeCategoryType } from '../../src-shared/import/values/asset-type';
import { memoryStore } from '../support/store';
import { addPerson, assetRows, csv, fixture, personRows, preview, rowErrors } from './support';

async function directory() {
  const store = memoryStore();
  await addPerson(store, 'S1002', 'Grace Hopper');
  await addPerson(store, 'S1003', 'Alan Turing');
  await addPerson(store, 'S1004', 'Katherine Johnson');
  return store;
}

describe('Snipe-IT asset exports', () => {
  it('reads the asset list export: category to type, maker and model together, cost with commas, holder by name', async () => {
    const { preview: p, plan } = await preview(await directory(), 'assets', fixture('snipeit-assets.csv'));
    expect([p.format, p.rows, p.valid]).toEqual(['snipeit', 6, 5]);
    expect(assetRows(plan).map((r) => [r.args.assetTag, r.args.type, r.args.model])).toEqual([
      ['DFE-00101', 'laptop', 'HP EliteBook 840 G10'],
      ['DFE-00102', 'laptop', 'HP EliteBook 840 G10'],
      ['DFE-00103', 'smartphone', 'Apple iPhone 15'],
      ['DFE-00105', 'laptop', 'Apple MacBook Pro 14'],
      ['DFE-00106', 'monitor', 'Dell U2723QE'],
    ]);
    expect(assetRows(plan)[0]?.args).toMatchObject({ serialNumber: '5CD3341XYZ', purchaseDate: '2023-09-14', purchaseValuePence: 114900, location: 'London' });
    expect(assetRows(plan)[2]?.args.imei).toBe('356938035643809');
    expect(p.errors).toEqual([
      {
        row: 5,
        field: 'Category',
        message: expect.stringMatching(/^Unknown type: Snipe-IT category "Servers" has no Custodian type\. Rename it in the file to one of Laptop, /) as unknown,
      },
    ]);
    expect(p.warnings).toEqual([
      { row: 2, field: 'Checked Out To', message: 'DFE-00101 will be imported in stock: issue it to S1003 (Alan Turing) from the asset page, where they confirm the AUP' },
      { row: 4, field: 'Checked Out To', message: 'DFE-00103 will be imported in stock: issue it to S1004 (Katherine Johnson) from the asset page, where they confirm the AUP' },
      { row: 6, field: 'Status', message: 'Snipe-IT status "Out for Repair" is not carried over: DFE-00105 is imported in stock. Record what happened from its page' },
      { row: 7, field: 'Checked Out To', message: 'DFE-00106 will be imported in stock: issue it to S1002 (Grace Hopper) from the asset page, where they confirm the AUP' },
    ]);
    expect(p.ignoredColumns).toEqual(['ID', 'Company', 'Asset Name', 'Model No.', 'Default Location', 'Order Number', 'Supplier', 'Checkouts', 'Checkins', 'Requests', 'Created At', 'Updated At']);
  });

  it('reads the Custom Asset Report (with BOM): "Purchased", "Cost", "Checked Out" with its Type, "Employee No."', async () => {
    const { preview: p, plan } = await preview(await directory(), 'assets', fixture('snipeit-custom-report.csv'));
    expect([p.format, p.valid, p.errorCount]).toEqual(['snipeit', 3, 0]);
    expect(assetRows(plan).map((r) => [r.args.type, r.args.model, r.args.purchaseValuePence])).toEqual([
      ['smartphone', 'Samsung Galaxy S23', 69900],
      ['laptop', 'Dell Latitude 7440', 104950],
      ['encrypted_usb', 'Kingston IronKey D500S', 8999],
    ]);
    expect(assetRows(plan)[0]?.args).toMatchObject({ imei: '490154203237518', phoneNumber: '07700900123' });
    expect(p.warnings.map((w) => [w.row, w.field, w.message])).toEqual([
      [2, 'Checked Out', 'DFE-00201 will be imported in stock: issue it to S1002 (Grace Hopper) from the asset page, where they confirm the AUP'],
      [3, 'Checked Out', 'In Snipe-IT this was checked out to location "London"; it is imported in stock'],
    ]);
  });

  it('finds the holder by employee number first, and reports an unknown or ambiguous name', async () => {
    const store = await directory();
    await addPerson(store, 'S2001', 'Jo Smith');
    await addPerson(store, 'S2002', 'Jo Smith', { email: 'jo.smith2@example.gov.uk' });
    const header = 'Asset Tag,Serial,Model,Category,Manufacturer,Checked Out To,Employee No.';
    const text = csv(header, 'A1,S1,X1,Laptops,Dell,Jo Smith,S2002', 'A2,S2,X1,Laptops,Dell,Jo Smith,', 'A3,S3,X1,Laptops,Dell,Nobody Here,', 'A4,S4,X1,Laptops,Dell,grace hopper,');
    const { preview: p } = await preview(store, 'assets', text);
    expect(p.warnings.map((w) => w.message)).toEqual([
      'A1 will be imported in stock: issue it to S2002 (Jo Smith) from the asset page, where they confirm the AUP',
      'A4 will be imported in stock: issue it to S1002 (Grace Hopper) from the asset page, where they confirm the AUP',
    ]);
    expect(rowErrors(p, 3)).toEqual([
      { field: 'Checked Out To', message: '2 people in the directory are called "Jo Smith", so the holder is unclear: add an "Employee No." column with their staff numbers' },
    ]);
    expect(rowErrors(p, 4)).toEqual([
      { field: 'Checked Out To', message: 'Unknown holder: no one in the directory has the name, email or staff number "Nobody Here". Import people first, or clear this cell' },
    ]);
  });

  it('keeps a laptop that Snipe-IT gave an IMEI field, dropping the IMEI with a warning', async () => {
    const text = csv('Asset Tag,Serial,Model,Category,IMEI', 'A1,S1,Latitude 5440 LTE,Laptops,490154203237518');
    const { preview: p, plan } = await preview(memoryStore(), 'assets', text);
    expect(assetRows(plan)[0]?.args.imei).toBeNull();
    expect(p.warnings).toEqual([{ row: 2, field: 'IMEI', message: 'IMEI 490154203237518 is not imported: Custodian records IMEIs for phones only' }]);
  });

  it.each(Object.entries(SNIPEIT_CATEGORY_TYPES).flatMap(([type, names]) => names.map((name) => [name, type])))(
    'maps the category "%s" to %s, singular or plural, any case',
    (name, type) => {
      for (const written of [name, `${name}s`, name.toUpperCase()]) expect(snipeCategoryType(written)).toEqual({ ok: true, value: type });
    },
  );

  it('maps Custodian’s own type labels too, and nothing else', () => {
    for (const [type, label] of Object.entries(ASSET_TYPES)) expect(snipeCategoryType(label)).toEqual({ ok: true, value: type as AssetType });
    for (const unknown of ['Servers', 'Printers', 'Phones', 'Software', '']) expect(snipeCategoryType(unknown).ok).toBe(false);
  });
});

describe('Snipe-IT user exports', () => {
  it('reads People > Export: employee number, full name, email, manager by name (earlier or later in the file)', async () => {
    const { preview: p, plan } = await preview(memoryStore(), 'people', fixture('snipeit-users.csv'));
    expect([p.format, p.rows, p.valid]).toEqual(['snipeit', 5, 3]);
    const args = personRows(plan).map((r) => r.args);
    expect(args.map((a) => [a.staffNumber, a.name, a.email, a.roles, a.status])).toEqual([
      ['E2001', 'Margaret Hamilton', 'margaret.hamilton@example.gov.uk', ['staff'], 'active'],
      ['E2002', 'Dorothy Vaughan', 'dorothy.vaughan@example.gov.uk', ['staff'], 'active'],
      ['E2003', 'Frances Allen', 'frances.allen@example.gov.uk', ['staff'], 'active'],
    ]);
    expect(args[1]?.lineManagerId).toBe(args[0]?.id);
    expect(args[2]?.lineManagerId).toBe(args[1]?.id);
    expect(p.errors).toEqual([
      { row: 5, field: 'Employee Number', message: 'Enter the staff number' },
      { row: 6, field: 'Email', message: 'Enter an email address' },
      { row: 6, field: 'Manager', message: 'Unknown line manager: no one called "Nobody Known" is in this file or the directory' },
    ]);
  });

  it('builds the name from First Name and Last Name, and finds a manager in the directory', async () => {
    const store = memoryStore();
    const managerId = await addPerson(store, 'E1', 'Ada Lovelace');
    const text = csv('First Name,Last Name,Username,Email,Employee No.,Manager,Location', 'Grace,Hopper,ghopper,grace@example.gov.uk,E2,Ada Lovelace,London');
    const { preview: p, plan } = await preview(store, 'people', text);
    expect(p.format).toBe('snipeit');
    expect(personRows(plan)[0]?.args).toMatchObject({ staffNumber: 'E2', name: 'Grace Hopper', lineManagerId: managerId });
  });
});
