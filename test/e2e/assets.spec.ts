import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe('assets', () => {
  test('a person adds an asset through the form and sees it in the list', async ({ page, webShell }) => {
    await page.goto(webShell.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Assets' })).toBeVisible();
    await expect(page).not.toHaveURL(/secret=/); // the secret is taken out of the address bar
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add an asset' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Asset tag').fill('lt-0042');
    await page.getByLabel('Serial number').fill('PF3XK9Q2');
    await page.getByLabel('Type').selectOption({ label: 'Laptop' });
    await page.getByLabel('Make and model').fill('Lenovo ThinkPad T14 Gen 5');
    await page.getByRole('button', { name: 'Save asset' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Assets' })).toBeVisible();
    await expect(page.getByText('Asset LT-0042 added')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'LT-0042' });
    await expect(row).toContainText('PF3XK9Q2');
    await expect(row).toContainText('Laptop');
    await expect(row).toContainText('Lenovo ThinkPad T14 Gen 5');
    await expectNoAxeViolations(page);

    await page.reload(); // the record is in the store, not only on screen
    await expect(page.getByRole('row').filter({ hasText: 'LT-0042' })).toBeVisible();
  });

  test('an empty form shows the GOV.UK error summary, links each error to its field, and saves nothing', async ({ page, webShell }) => {
    await page.goto(webShell.url);
    await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).click();
    await page.getByRole('button', { name: 'Save asset' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    for (const message of ['Enter the asset tag', 'Enter the serial number', 'Select the type of asset', 'Enter the make and model']) {
      await expect(summary.getByRole('link', { name: message })).toBeVisible();
    }
    await expect(page.locator('.govuk-error-message').filter({ hasText: 'Enter the asset tag' })).toBeVisible();
    await expectNoAxeViolations(page);

    await summary.getByRole('link', { name: 'Enter the asset tag' }).click();
    await expect(page.getByLabel('Asset tag')).toBeFocused();

    await page.getByRole('link', { name: 'Assets', exact: true }).first().click();
    await expect(page.getByText('No assets yet')).toBeVisible();
  });

  test('invalid values are refused with a message naming the problem, and nothing is saved', async ({ page, webShell }) => {
    await page.goto(webShell.url);
    await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).click();
    await page.getByLabel('Asset tag').fill('LT 42; DROP TABLE');
    await page.getByLabel('Serial number').fill('S'.repeat(65));
    await page.getByLabel('Type').selectOption({ label: 'Smartcard' });
    await page.getByLabel('Make and model').fill('Gemalto IDPrime');
    await page.getByRole('button', { name: 'Save asset' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Asset tag must start with a letter or number');
    await expect(summary).toContainText('Serial number must be 64 characters or fewer');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Assets', exact: true }).first().click();
    await expect(page.getByText('No assets yet')).toBeVisible();
  });

  test('a duplicate asset tag is refused by the store and shown against the field', async ({ page, webShell }) => {
    await page.goto(webShell.url);
    for (const serial of ['FIRST01', 'SECOND02']) {
      await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).click();
      await page.getByLabel('Asset tag').fill('LT-7');
      await page.getByLabel('Serial number').fill(serial);
      await page.getByLabel('Type').selectOption({ label: 'Laptop' });
      await page.getByLabel('Make and model').fill('Dell Latitude 7450');
      await page.getByRole('button', { name: 'Save asset' }).click();
    }
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('Asset tag LT-7 is already used by another asset');
    await expect(page.locator('#assetTag-error, .govuk-error-message').filter({ hasText: 'already used' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Assets', exact: true }).first().click();
    await expect(page.getByRole('row').filter({ hasText: 'LT-7' })).toHaveCount(1);
  });

  test('the whole journey works by keyboard alone', async ({ page, webShell }) => {
    await page.goto(webShell.url);
    await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Add an asset' })).toBeVisible();
    await page.getByLabel('Asset tag').focus();
    await page.keyboard.type('KB-1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('KEYS123');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Type')).toBeFocused();
    await page.getByLabel('Type').selectOption({ label: 'Headset' }); // a native <select>: arrow keys choose; set directly for determinism
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jabra Evolve2 65');
    await page.keyboard.press('Enter'); // submits the form from a text field
    await expect(page.getByRole('row').filter({ hasText: 'KB-1' })).toContainText('Headset');
  });
});
