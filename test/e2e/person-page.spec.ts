import { expect, expectNoAxeViolations, invoke, isoDate, openApp, seedAsset, seedPerson, test } from './fixtures';

const AUP_VERSION = '2024.1';

test.describe('person page', () => {
  test('shows who they are, links their line manager and reports, and returns several held assets at once', async ({ page, webShell }) => {
    test.slow();
    const managerId = await seedPerson(webShell, { staffNumber: 'M0001', name: 'Mary Jackson', trainingCompletedOn: isoDate(-3) });
    const personId = await seedPerson(webShell, { staffNumber: 'S0001', name: 'Dorothy Vaughan', lineManagerId: managerId, trainingCompletedOn: isoDate(-3) });
    const assetIds = [];
    for (const [tag, type, model] of [
      ['LT-0001', 'laptop', 'Dell Latitude 7450'],
      ['SC-0001', 'smartcard', 'Gemalto IDPrime 940'],
      ['PH-0001', 'smartphone', 'Samsung Galaxy A55'],
    ] as const) {
      const assetId = await seedAsset(webShell, { assetTag: tag, serialNumber: `${tag}-SN`, type, model });
      await invoke(webShell, 'asset.issue', { assetId, personId, aupVersion: AUP_VERSION, aupConfirmed: true });
      assetIds.push(assetId);
    }

    await openApp(page, webShell, '/people');
    await page.getByRole('link', { name: 'Dorothy Vaughan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dorothy Vaughan' })).toBeVisible();
    const details = page.locator('.govuk-summary-list');
    await expect(details).toContainText('S0001');
    await expect(details).toContainText('dorothy.vaughan@example.gov.uk');
    await expect(details).toContainText('Staff');
    await expect(details).toContainText('Active');
    await expect(page.getByText(`Confirmed version ${AUP_VERSION}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Equipment held (3)' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Nothing selected, no condition: both problems at once, and nothing returned.
    await page.getByRole('button', { name: 'Return selected equipment' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Select the equipment being returned');
    await expect(summary).toContainText('Enter the condition of the returned equipment');
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Select the equipment being returned' }).click();
    await expect(page.getByRole('checkbox', { name: 'Return LT-0001' })).toBeFocused();

    await page.getByRole('checkbox', { name: 'Return LT-0001' }).check();
    await page.getByRole('checkbox', { name: 'Return SC-0001' }).check();
    await page.getByLabel('Condition of the returned equipment').fill('Both fine; leaver handover');
    await page.getByRole('button', { name: 'Return selected equipment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '2 assets returned by Dorothy Vaughan' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Equipment held (1)' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'PH-0001' })).toBeVisible();

    const returned = await invoke<{ asset: { status: string }; history: { note: string | null }[] }>(webShell, 'asset.get', { id: assetIds[0] });
    expect(returned.asset.status).toBe('returned');
    expect(returned.history[0]?.note).toBe('Both fine; leaver handover');

    // Line management links both ways.
    await page.locator('.govuk-summary-list').getByRole('link', { name: 'Mary Jackson' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mary Jackson' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list').getByRole('link', { name: 'Dorothy Vaughan' })).toBeVisible();
  });

  test('records training completed and an AUP confirmation', async ({ page, webShell }) => {
    const personId = await seedPerson(webShell, { staffNumber: 'S0002', name: 'Annie Easley' });
    await openApp(page, webShell, `/people/${personId}`);
    await expect(page.getByText(`Has not confirmed the current version (${AUP_VERSION})`)).toBeVisible();
    await expect(page.getByText('Annual security training has lapsed')).toBeVisible();

    await page.getByRole('button', { name: 'Record training completed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record security training' })).toBeVisible();
    await page.getByRole('button', { name: 'Record training' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date the training was completed');
    await expectNoAxeViolations(page);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Record training' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Date the training was completed must be a real date');
    const [year, month, day] = isoDate(-1).split('-');
    await page.getByLabel('Day').fill(day ?? '');
    await page.getByLabel('Month').fill(month ?? '');
    await page.getByLabel('Year').fill(year ?? '');
    await page.getByRole('button', { name: 'Record training' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Security training recorded for Annie Easley' })).toBeVisible();
    await expect(page.getByText('Annual security training has lapsed')).toHaveCount(0);

    await page.getByRole('button', { name: 'Record AUP confirmation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record AUP confirmation' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Record confirmation' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Confirm that Annie Easley has read and accepts the Acceptable Use Policy');
    await page.getByLabel(`Annie Easley has read and accepts the Acceptable Use Policy version ${AUP_VERSION}`).check();
    await page.getByRole('button', { name: 'Record confirmation' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `Annie Easley confirmed the Acceptable Use Policy version ${AUP_VERSION}` })).toBeVisible();
    await expect(page.getByText(`Confirmed version ${AUP_VERSION}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Record AUP confirmation' })).toHaveCount(0);
  });

  test('an address that names no record says so', async ({ page, webShell }) => {
    await openApp(page, webShell, '/people/0190d7a1-0000-7000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await openApp(page, webShell, '/assets/not-an-id');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
