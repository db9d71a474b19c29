import type { Route } from '@playwright/test';
import type { ImportCommitResult, ImportPreview, ImportProgress } from '../../src-shared/import/contract';
import { expect, expectNoAxeViolations, invoke, openApp, seedAsset, test } from './fixtures';

/**
 * Custodian's asset template (src-shared/import/README.md) with good rows and three bad ones: a tag already in the
 * register (row 4), a missing serial number (row 5), an unknown type (row 6). The header is row 1.
 */
const CSV = [
  'asset_tag,serial_number,type,model',
  'IMP-0001,IMPSN0001,Laptop,Dell Latitude 5440',
  'IMP-0002,IMPSN0002,Laptop,Dell Latitude 5440',
  'LT-EXISTING,IMPSN0003,Laptop,Dell Latitude 5440',
  'IMP-0004,,Laptop,Dell Latitude 5440',
  'IMP-0005,IMPSN0005,Toaster,Dualit',
  'IMP-0006,IMPSN0006,Smartcard,Gemalto IDPrime 940',
].join('\n');

test.describe('import', () => {
  test('a CSV with some bad rows shows the error list; only the valid rows are imported, once confirmed', async ({ page, webShell }) => {
    await seedAsset(webShell, { assetTag: 'LT-EXISTING', serialNumber: 'EXISTING1' });
    await openApp(page, webShell, '/import');
    await page.getByRole('radio', { name: 'Assets' }).check();
    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Check the file' }).click();

    await expect(page.getByRole('heading', { name: 'Check the file before importing' })).toBeFocused();
    const counts = page.locator('.govuk-summary-list');
    await expect(counts).toContainText('register.csv');
    await expect(counts.locator('.govuk-summary-list__row').filter({ hasText: 'Rows in the file' })).toContainText('6');
    await expect(counts.locator('.govuk-summary-list__row').filter({ hasText: 'Valid rows' })).toContainText('3');
    await expect(counts.locator('.govuk-summary-list__row').filter({ hasText: 'Rows with errors' })).toContainText('3');
    const errors = page.locator('#import-errors');
    await expect(errors).toBeVisible();
    for (const row of ['4', '5', '6']) await expect(errors.locator('tbody tr').filter({ has: page.locator(`td:first-child:text-is("${row}")`) })).not.toHaveCount(0);
    await expectNoAxeViolations(page);

    // Nothing is written before the person confirms.
    expect((await invoke<{ total: number }>(webShell, 'asset.page', { limit: 1 })).total).toBe(1);
    await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '3 assets imported' })).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page);
    expect((await invoke<{ total: number }>(webShell, 'asset.page', { limit: 1 })).total).toBe(4);
    await page.getByRole('link', { name: 'Go to the asset register' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'IMP-0006' })).toContainText('Smartcard');
  });

  test('the import page follows the agreed contract: preview, error table, progress bar, success (API answers stubbed)', async ({ page, webShell }) => {
    // The three import calls are answered here, typed with the contract (a change to it fails this file's type
    // check), so the test can hold the import part-way and look at the progress bar; everything else goes to the
    // real web shell.
    let progressCalls = 0;
    let commitSeen = false;
    let allowFinish = false; // the import "runs" until the test has looked at the progress bar
    let finishCommit: (() => void) | undefined;
    const committed = new Promise<void>((resolve) => {
      finishCommit = resolve;
    });
    await page.route('**/api/invoke', async (route: Route) => {
      const { method, input } = route.request().postDataJSON() as { method: string; input: Record<string, unknown> };
      const reply = (value: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
      if (method === 'import.preview') {
        expect(input.kind).toBe('people');
        expect(input.fileName).toBe('people.csv');
        expect(Buffer.from(String(input.contentBase64), 'base64').toString('utf8')).toBe('Staff number,Full name\nS1,Ada\n');
        return reply({
          previewId: 'p1',
          kind: 'people',
          fileName: 'people.csv',
          format: 'custodian',
          encoding: 'utf-8',
          rows: 40,
          valid: 38,
          invalidRows: 2,
          errorCount: 2,
          errors: [
            { row: 3, field: 'Email address', message: 'Enter an email address in the correct format, like name@example.gov.uk' },
            { row: 9, field: 'Staff number', message: 'Staff number S1001 is used twice in this file' },
          ],
          warningCount: 1,
          warnings: [{ row: 12, field: 'Line manager', message: 'Line manager S9999 is not in the file or the directory; imported without one' }],
          ignoredColumns: [],
          sampleColumns: ['Row', 'Staff number', 'Name', 'Email'],
          sample: [{ Row: '2', 'Staff number': 'S1', Name: 'Ada Lovelace', Email: 'ada@example.gov.uk' }],
        } satisfies ImportPreview);
      }
      if (method === 'import.commit') {
        commitSeen = true;
        await committed;
        return reply({ imported: 38 } satisfies ImportCommitResult);
      }
      if (method === 'import.progress') {
        progressCalls += 1;
        const done = allowFinish ? 38 : Math.min(30, progressCalls * 10);
        if (done >= 38) finishCommit?.();
        return reply({ state: done >= 38 ? 'done' : 'running', done, total: 38, message: null } satisfies ImportProgress);
      }
      return route.continue();
    });

    await openApp(page, webShell, '/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import from a CSV file' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Select what you are importing');
    await expect(summary).toContainText('Select a CSV file');
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: 'People' }).check();
    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'people.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(summary).toContainText('The selected file must be a CSV');

    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Staff number,Full name\nS1,Ada\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: 'Check the file before importing' })).toBeFocused();
    await expect(page.locator('.govuk-warning-text')).toContainText('2 rows have errors and will not be imported');
    const errors = page.locator('#import-errors');
    await expect(errors.locator('tbody tr')).toHaveCount(2);
    await expect(errors.locator('tbody tr').first()).toContainText('Email address');
    await expect(page.locator('#import-warnings')).toContainText('Line manager S9999 is not in the file');
    await expect(page.getByRole('region', { name: 'The first valid row, as it will be imported' })).toContainText('Ada Lovelace');
    await expectNoAxeViolations(page);
    expect(commitSeen).toBe(false);

    await page.getByRole('button', { name: 'Import 38 valid rows' }).click();
    await expect(page.getByRole('heading', { name: 'Importing 38 people' })).toBeVisible();
    await expect(page.getByLabel('Import progress')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '75% imported' })).toBeAttached();
    await expect(page.getByText('30 of 38 rows (78%)')).toBeVisible();
    await expectNoAxeViolations(page);
    allowFinish = true;
    await expect(page.getByRole('alert').filter({ hasText: '38 people imported' })).toBeVisible();
    expect(progressCalls).toBeGreaterThanOrEqual(4);
    await expectNoAxeViolations(page);
  });
});
