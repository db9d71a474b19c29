import { expect, expectNoAxeViolations, invoke, isoDate, openApp, seedAsset, seedPerson, test } from './fixtures';

const AUP_VERSION = '2024.1';

test.describe('custody', () => {
  test('issue an asset with AUP confirmation, find it by serial prefix, see it on the person’s page, return it and read its history', async ({
    page,
    webShell,
  }) => {
    test.slow(); // a long journey with many axe checks
    await page.goto(webShell.url);

    // A person and an asset, both through the UI.
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Staff number').fill('S1001');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email address').fill('ada.lovelace@example.gov.uk');
    const trainedOn = isoDate(-30).split('-');
    await page.getByLabel('Day').fill(String(Number(trainedOn[2])));
    await page.getByLabel('Month').fill(String(Number(trainedOn[1])));
    await page.getByLabel('Year').fill(trainedOn[0] ?? '');
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByText('Ada Lovelace (S1001) added')).toBeVisible();

    await page.getByRole('link', { name: 'Assets', exact: true }).first().click();
    await page.getByRole('button', { name: 'Add an asset' }).click();
    await page.getByLabel('Asset tag').fill('LT-0042');
    await page.getByLabel('Serial number').fill('PF3XK9Q2');
    await page.getByLabel('Type').selectOption({ label: 'Laptop' });
    await page.getByLabel('Make and model').fill('Lenovo ThinkPad T14 Gen 5');
    await page.getByLabel('Purchase value in pounds (optional)').fill('1,299.99');
    await page.getByRole('button', { name: 'Save asset' }).click();
    await expect(page.getByText('Asset LT-0042 added')).toBeVisible();
    await seedAsset(webShell, { assetTag: 'LT-0043', serialNumber: 'ZZ0001' }); // one that the search must leave out

    // Find it by the start of its serial number.
    await page.reload();
    await expect(page.getByRole('heading', { name: '2 assets' })).toBeVisible();
    await page.getByLabel('Search assets').fill('pf3x');
    await expect(page.getByRole('heading', { name: /^1 asset/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '1 asset found' })).toBeAttached();
    await expect(page.getByRole('row').filter({ hasText: 'LT-0043' })).toHaveCount(0);
    await page.getByRole('row').filter({ hasText: 'PF3XK9Q2' }).getByRole('link', { name: 'LT-0042' }).click();

    // The asset page.
    await expect(page.getByRole('heading', { level: 1, name: 'LT-0042' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list')).toContainText('£1,299.99');
    await expect(page.locator('.govuk-summary-list')).toContainText('In stock');
    await expectNoAxeViolations(page);

    // Issue: choose the person…
    await page.getByRole('button', { name: 'Issue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who is the asset being issued to?' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Select the person the asset is being issued to');
    await expectNoAxeViolations(page);
    await page.getByLabel('Search for the person').fill('ada');
    await expect(page.getByRole('status').filter({ hasText: '1 person found' })).toBeAttached();
    await page.getByRole('radio', { name: 'Ada Lovelace (S1001)' }).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    // …then the AUP confirmation.
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm the Acceptable Use Policy' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list')).toContainText('Not confirmed');
    await expect(page.locator('.govuk-summary-list')).toContainText('Up to date'); // training
    await expect(page.getByRole('heading', { name: `Acceptable Use Policy, version ${AUP_VERSION}` })).toBeVisible();
    await expect(page.getByLabel('Reason for issuing with lapsed training')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Issue asset' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Confirm that Ada Lovelace has read and accepts the Acceptable Use Policy');
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    await expect(page.getByLabel(`Ada Lovelace has read and accepts the Acceptable Use Policy version ${AUP_VERSION}`)).toBeFocused();
    await page.getByLabel(`Ada Lovelace has read and accepts the Acceptable Use Policy version ${AUP_VERSION}`).check();
    await page.getByRole('button', { name: 'Issue asset' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'LT-0042 issued to Ada Lovelace' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list')).toContainText('Issued');
    await expectNoAxeViolations(page);

    // The person's page: the AUP confirmation recorded with the issue, and what they hold.
    await page.locator('.govuk-summary-list').getByRole('link', { name: 'Ada Lovelace' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
    await expect(page.getByText(`Confirmed version ${AUP_VERSION}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Equipment held (1)' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'LT-0042' })).toContainText('Lenovo ThinkPad T14 Gen 5');
    await expectNoAxeViolations(page);

    // The register shows the holder, and finds the asset by the holder's name too.
    await page.getByRole('link', { name: 'Assets', exact: true }).first().click();
    await page.getByLabel('Search assets').fill('PF3X');
    const row = page.getByRole('row').filter({ hasText: 'LT-0042' });
    await expect(row).toContainText('Issued');
    await expect(row).toContainText('Ada Lovelace');
    await page.getByLabel('Search assets').fill('lovel');
    await expect(page.getByRole('row').filter({ hasText: 'LT-0042' })).toBeVisible();
    await page.getByRole('link', { name: 'LT-0042' }).click();

    // Return it with a condition note.
    await page.getByRole('button', { name: 'Return', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Return LT-0042' })).toBeVisible();
    await page.getByRole('button', { name: 'Return asset' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the condition');
    await expectNoAxeViolations(page);
    await page.getByLabel('Condition of the equipment').fill('Good condition, charger included');
    await page.getByRole('button', { name: 'Return asset' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'LT-0042 returned' })).toBeVisible();

    // The history timeline: newest first, with who and what.
    const timeline = page.locator('.moj-timeline');
    await expect(timeline.locator('.moj-timeline__title')).toHaveText(['Returned', 'Issued', 'Added to the register']);
    await expect(timeline.locator('.moj-timeline__item').first()).toContainText('Good condition, charger included');
    await expect(timeline.locator('.moj-timeline__item').nth(1)).toContainText('Issued to Ada Lovelace');
    await expect(page.getByRole('button', { name: 'Put back into stock' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('issuing to someone whose security training has lapsed needs a reason, which goes into the history', async ({ page, webShell }) => {
    const personId = await seedPerson(webShell, { staffNumber: 'S2001', name: 'Grace Hopper', trainingCompletedOn: isoDate(-400) });
    const assetId = await seedAsset(webShell, { assetTag: 'PH-0001', serialNumber: 'SN1', type: 'smartphone', model: 'Apple iPhone 15' });
    await openApp(page, webShell, `/assets/${assetId}/issue`);
    await page.getByLabel('Search for the person').fill('S2001');
    await page.getByRole('radio', { name: 'Grace Hopper (S2001)' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.locator('.govuk-warning-text')).toContainText('Grace Hopper’s annual security training has lapsed');
    await expect(page.locator('.govuk-summary-list')).toContainText('Lapsed');
    await expectNoAxeViolations(page);
    await page.getByLabel(`Grace Hopper has read and accepts the Acceptable Use Policy version ${AUP_VERSION}`).check();
    await page.getByRole('button', { name: 'Issue asset' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reason for issuing with lapsed training');
    await expectNoAxeViolations(page);
    await page.getByLabel('Reason for issuing with lapsed training').fill('Training booked for Monday; phone needed for on-call');
    await page.getByRole('button', { name: 'Issue asset' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'PH-0001 issued to Grace Hopper' })).toBeVisible();
    await expect(page.locator('.moj-timeline__item').first()).toContainText(
      'Issued with lapsed security training: Training booked for Monday; phone needed for on-call',
    );
    const person = await invoke<{ holdings: unknown[]; aup: { upToDate: boolean } }>(webShell, 'person.get', { id: personId });
    expect(person.holdings).toHaveLength(1);
    expect(person.aup.upToDate).toBe(true);
  });

  test('a refused lifecycle change shows the store’s message, naming the current status, who set it and when', async ({ page, webShell }) => {
    const personId = await seedPerson(webShell, { staffNumber: 'S3001', name: 'Alan Turing', trainingCompletedOn: isoDate(-10) });
    const assetId = await seedAsset(webShell, { assetTag: 'LT-0100', serialNumber: 'SN100' });
    await invoke(webShell, 'asset.issue', { assetId, personId, aupVersion: AUP_VERSION, aupConfirmed: true });

    // The return page is open when someone else (another desk, here the API) returns the asset first.
    await openApp(page, webShell, `/assets/${assetId}/return`);
    await expect(page.getByRole('heading', { level: 1, name: 'Return LT-0100' })).toBeVisible();
    await page.getByLabel('Condition of the equipment').fill('Fine');
    await invoke(webShell, 'asset.return', { assetId, condition: 'Returned at the other desk' });
    await page.getByRole('button', { name: 'Return asset' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(/Cannot return LT-0100: it is returned \(set on this desktop on \d{1,2} \w{3,4} \d{4} at \d{2}:\d{2}\)/);
    await expectNoAxeViolations(page);

    // Opening an action the asset's status does not allow says why up front, in the same words, with no form.
    await openApp(page, webShell, `/assets/${assetId}/mark-lost`);
    await expect(page.getByRole('alert')).toContainText(/Cannot mark as lost LT-0100: it is returned \(set on this desktop on /);
    await expect(page.getByRole('button', { name: 'Mark as lost' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Final states offer nothing more.
    await invoke(webShell, 'asset.dispose', { assetId, note: 'WEEE certificate 123' });
    await openApp(page, webShell, `/assets/${assetId}`);
    await expect(page.getByText('LT-0100 is disposed, which is final')).toBeVisible();
  });

  test('the issue journey works by keyboard alone', async ({ page, webShell }) => {
    await seedPerson(webShell, { staffNumber: 'S4001', name: 'Katherine Johnson', trainingCompletedOn: isoDate(-5) });
    const assetId = await seedAsset(webShell, { assetTag: 'KB-0001', serialNumber: 'KEYS1' });
    await openApp(page, webShell, `/assets/${assetId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'KB-0001' })).toBeFocused();

    await page.keyboard.press('Tab'); // from the heading, the first action
    await expect(page.getByRole('button', { name: 'Issue' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Who is the asset being issued to?' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Search for the person')).toBeFocused();
    await page.keyboard.type('Kath');
    await expect(page.getByRole('radio', { name: 'Katherine Johnson (S4001)' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Katherine Johnson (S4001)' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: 'Katherine Johnson (S4001)' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
    await page.keyboard.press('Enter');

    const confirm = page.getByLabel(`Katherine Johnson has read and accepts the Acceptable Use Policy version ${AUP_VERSION}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm the Acceptable Use Policy' })).toBeFocused();
    for (let i = 0; i < 20 && !(await confirm.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Issue asset' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'KB-0001 issued to Katherine Johnson' })).toBeFocused();
  });
});
