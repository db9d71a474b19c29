import { downloadedCsv, downloadedXlsx } from './downloads';
import { expect, expectNoAxeViolations, invoke, isoDate, openApp, seedAsset, seedPerson, test } from './fixtures';

const AUP_VERSION = '2024.1';

/** Custodian's import template names, so an exported CSV imports back. */
const ASSET_CSV_HEADER = [
  'asset_tag', 'serial_number', 'type', 'model', 'imei', 'phone_number', 'purchase_date', 'purchase_value',
  'location', 'notes', 'holder_staff_number', 'holder_name', 'status',
];
/** The XLSX is read by people: plain labels. */
const ASSET_XLSX_HEADER = [
  'Asset tag', 'Serial number', 'Type', 'Make and model', 'IMEI', 'Phone number', 'Purchase date', 'Purchase value',
  'Location', 'Notes', 'Holder staff number', 'Holder', 'Status',
];

test.describe('asset register', () => {
  test('virtualised: the total sizes the table, rows load as they scroll into view, and screen readers get row positions', async ({ page, webShell }) => {
    test.slow();
    // The rows are positioned with inline styles set from script (CSSOM), which the strict CSP allows; a style
    // attribute in markup would be refused, and Chromium would say so on the console.
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const total = 450; // three pages of asset.page
    for (let i = 0; i < total; i += 1) {
      await seedAsset(webShell, { assetTag: `LT-${String(i).padStart(4, '0')}`, serialNumber: `SN${String(i).padStart(6, '0')}` });
    }
    await openApp(page, webShell, '/assets');
    await expect(page.getByRole('heading', { name: '450 assets' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    const rendered = await page.locator('tbody tr[aria-rowindex]').count();
    expect(rendered).toBeLessThan(80); // only what is in view, plus a little overscan
    await expect(page.getByRole('row').filter({ hasText: 'LT-0000' })).toHaveAttribute('aria-rowindex', '2');

    await page.locator('.app-register__scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = page.getByRole('row').filter({ hasText: 'LT-0449' });
    await expect(last).toBeVisible();
    await expect(last).toHaveAttribute('aria-rowindex', String(total + 1));
    await expect(page.getByRole('row').filter({ hasText: 'LT-0000' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Sorting is done by the store; the header says how the table is sorted.
    const tagHeader = page.getByRole('columnheader', { name: 'Asset tag' });
    await expect(tagHeader).toHaveAttribute('aria-sort', 'ascending');
    await tagHeader.getByRole('button').click();
    await expect(tagHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('status').filter({ hasText: 'Sorted by Asset tag, descending' })).toBeAttached();
    await expect(page.locator('tbody tr[aria-rowindex="2"]')).toContainText('LT-0449');
    const serialHeader = page.getByRole('columnheader', { name: 'Serial number' });
    await serialHeader.getByRole('button').click();
    await expect(serialHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(tagHeader).toHaveAttribute('aria-sort', 'none');
    await expect(page.locator('tbody tr[aria-rowindex="2"]')).toContainText('SN000000');
    expect(cspViolations).toEqual([]);
  });

  test('filters by type, status, holder, the holder’s line manager and location, each removable; every state passes axe', async ({ page, webShell }) => {
    test.slow();
    const managerId = await seedPerson(webShell, { staffNumber: 'M1', name: 'Margaret Hamilton', trainingCompletedOn: isoDate(-1) });
    const holderId = await seedPerson(webShell, { staffNumber: 'S1', name: 'Frances Allen', lineManagerId: managerId, trainingCompletedOn: isoDate(-1) });
    const laptop = await seedAsset(webShell, { assetTag: 'LT-1', serialNumber: 'A1', location: 'Leeds' });
    await seedAsset(webShell, { assetTag: 'LT-2', serialNumber: 'A2', location: 'London' });
    const phone = await seedAsset(webShell, { assetTag: 'PH-1', serialNumber: 'P1', type: 'smartphone', model: 'Apple iPhone 15', location: 'Leeds' });
    await seedAsset(webShell, { assetTag: 'SC-1', serialNumber: 'C1', type: 'smartcard', model: 'Gemalto', location: 'Leeds' });
    for (const assetId of [laptop, phone]) await invoke(webShell, 'asset.issue', { assetId, personId: holderId, aupVersion: AUP_VERSION, aupConfirmed: true });

    await openApp(page, webShell, '/assets');
    await expect(page.getByRole('heading', { name: '4 assets' })).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Show filters' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Hide filters' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { name: 'Filter' })).toBeVisible();
    await expectNoAxeViolations(page);

    const filters = page.locator('#register-filters');
    await filters.getByRole('checkbox', { name: 'Laptop' }).check();
    await filters.getByRole('checkbox', { name: 'Smartphone' }).check();
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('heading', { name: '3 assets' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '3 assets found' })).toBeAttached();

    await filters.getByRole('checkbox', { name: 'Issued' }).check();
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('heading', { name: '2 assets' })).toBeVisible();
    await expect(filters.getByRole('heading', { name: 'Selected filters' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Holder's line manager, chosen by searching.
    await filters.getByLabel('Search for the line manager').fill('marg');
    await filters.getByRole('radio', { name: 'Margaret Hamilton (M1)' }).check();
    await filters.getByRole('checkbox', { name: 'Issued' }).uncheck();
    await filters.getByRole('checkbox', { name: 'Laptop' }).uncheck();
    await filters.getByRole('checkbox', { name: 'Smartphone' }).uncheck();
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('heading', { name: '2 assets' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'LT-1' })).toContainText('Frances Allen');
    await expect(page.getByRole('row').filter({ hasText: 'PH-1' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Removing a filter by its tag, then the holder and a location instead.
    await filters.getByRole('button', { name: 'Remove this filter Margaret Hamilton' }).click();
    await expect(page.getByRole('heading', { name: '4 assets' })).toBeVisible();
    await filters.getByLabel('Search for the holder').fill('S1');
    await filters.getByRole('radio', { name: 'Frances Allen (S1)' }).check();
    await filters.getByLabel('Location').fill('Leeds');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('heading', { name: '2 assets' })).toBeVisible();
    await filters.getByRole('button', { name: 'Remove this filter Frances Allen' }).click();
    await expect(page.getByRole('heading', { name: '3 assets' })).toBeVisible(); // everything in Leeds

    // Search and filters together, and no match at all.
    await page.getByLabel('Search assets').fill('gemalto');
    await expect(page.getByRole('heading', { name: '1 asset' })).toBeVisible();
    await page.getByLabel('Search assets').fill('nothing-like-this');
    await expect(page.getByRole('heading', { name: 'No assets found' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No assets found' })).toBeAttached();
    await expectNoAxeViolations(page);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Search assets').fill('');
    await expect(page.getByRole('heading', { name: '4 assets' })).toBeVisible();
  });

  test('exports the current filtered list as CSV and as XLSX', async ({ page, webShell }) => {
    await seedAsset(webShell, { assetTag: 'LT-1', serialNumber: 'A1' });
    await seedAsset(webShell, { assetTag: 'LT-2', serialNumber: 'A2' });
    await seedAsset(webShell, { assetTag: 'SC-1', serialNumber: 'B1', type: 'smartcard', model: 'Gemalto IDPrime' });
    await openApp(page, webShell, '/assets');
    await expect(page.getByRole('heading', { name: '3 assets' })).toBeVisible();
    // The export follows the search: two of the three assets.
    await page.getByLabel('Search assets').fill('LT');
    await expect(page.getByRole('heading', { name: '2 assets' })).toBeVisible();

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const csv = await downloadedCsv(await csvDownload);
    expect(csv.fileName).toMatch(/^custodian-assets-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.header).toEqual(ASSET_CSV_HEADER);
    expect(csv.rows.map((row) => row[0])).toEqual(['LT-1', 'LT-2']);
    await expect(page.getByRole('status').filter({ hasText: `Exported ${csv.fileName}` })).toBeAttached();

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Excel (XLSX)' }).click();
    const xlsx = await downloadedXlsx(await xlsxDownload);
    expect(xlsx.fileName).toMatch(/^custodian-assets-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(xlsx.header).toEqual(ASSET_XLSX_HEADER);
    expect(xlsx.rows).toHaveLength(2);
    await expectNoAxeViolations(page);
  });

  test('an empty first run offers the demo department', async ({ page, webShell }) => {
    test.slow();
    await openApp(page, webShell, '/assets');
    await expect(page.getByText('No assets yet')).toBeVisible();
    const load = page.getByRole('button', { name: 'Load demo department' });
    await expect(load).toBeVisible();
    await expectNoAxeViolations(page);
    await load.click();
    const loaded = page.getByRole('alert').filter({ hasText: /Demo department loaded: [\d,]+ people and [\d,]+ assets/ });
    await expect(loaded).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: /[\d,]+ assets?$/ })).toBeVisible();
  });
});
