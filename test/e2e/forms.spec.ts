import { expect, expectNoAxeViolations, openApp, test } from './fixtures';

test.describe('add forms', () => {
  test('an asset’s optional fields: phone details only for phones, a GOV.UK date, a value in pounds, location and notes', async ({ page, webShell }) => {
    test.slow();
    await openApp(page, webShell, '/assets/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Add an asset' })).toBeVisible();
    await expect(page.getByLabel('IMEI (optional)')).toHaveCount(0);

    await page.getByLabel('Asset tag').fill('PH-0007');
    await page.getByLabel('Serial number').fill('R58N123ABC');
    await page.getByLabel('Type').selectOption({ label: 'Smartphone' });
    await expect(page.getByLabel('IMEI (optional)')).toBeVisible(); // revealed for phones
    await page.getByLabel('IMEI (optional)').fill('35-209900-176148-2'); // wrong check digit
    await page.getByLabel('Phone number (optional)').fill('07700 900 982');
    await page.getByLabel('Make and model').fill('Samsung Galaxy A55');
    await page.getByLabel('Day').fill('27');
    await page.getByLabel('Year').fill('2024');
    await page.getByLabel('Purchase value in pounds (optional)').fill('-5');
    await page.getByLabel('Notes (optional)').fill('x'.repeat(2001));
    await expect(page.getByText('You have 1 character too many')).toBeVisible();
    await page.getByRole('button', { name: 'Save asset' }).click();

    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toContainText('IMEI must be 15 digits');
    await expect(summary).toContainText('Purchase date must include a month');
    await expect(summary).toContainText('Enter purchase value in pounds and pence');
    await expect(summary).toContainText('Notes must be 2000 characters or fewer');
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Purchase date must include a month' }).click();
    await expect(page.getByLabel('Day')).toBeFocused();

    await page.getByLabel('IMEI (optional)').fill('35-209900-176148-1');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Purchase value in pounds (optional)').fill('£1,049.5');
    await page.getByLabel('Location (optional)').fill('Leeds Quarry House');
    await page.getByLabel('Notes (optional)').fill('Bought with a case.\nSIM in the drawer.');
    await page.getByRole('button', { name: 'Save asset' }).click();
    await expect(page.getByText('Asset PH-0007 added')).toBeVisible();

    await page.getByRole('link', { name: 'PH-0007' }).click();
    const details = page.locator('.govuk-summary-list');
    await expect(details).toContainText('352099001761481');
    await expect(details).toContainText('07700900982');
    await expect(details).toContainText('27 March 2024');
    await expect(details).toContainText('£1,049.50');
    await expect(details).toContainText('Leeds Quarry House');
    await expect(details).toContainText('SIM in the drawer.');
  });

  test('phone details typed before switching to another type are not saved', async ({ page, webShell }) => {
    await openApp(page, webShell, '/assets/new');
    await page.getByLabel('Asset tag').fill('LT-0009');
    await page.getByLabel('Serial number').fill('SN9');
    await page.getByLabel('Type').selectOption({ label: 'Smartphone' });
    await page.getByLabel('Phone number (optional)').fill('07700 900 982');
    await page.getByLabel('Type').selectOption({ label: 'Laptop' });
    await page.getByLabel('Make and model').fill('Dell Latitude 5440');
    await page.getByRole('button', { name: 'Save asset' }).click();
    await expect(page.getByText('Asset LT-0009 added')).toBeVisible();
  });

  test('a person’s roles, employment status and training date', async ({ page, webShell }) => {
    await openApp(page, webShell, '/people/new');
    await expect(page.getByRole('radio', { name: 'Active' })).toBeChecked();
    await page.getByLabel('Staff number').fill('S7001');
    await page.getByLabel('Full name').fill('Joan Clarke');
    await page.getByLabel('Email address').fill('joan.clarke@example.gov.uk');
    await page.getByRole('checkbox', { name: 'Manages staff' }).check();
    await page.getByRole('checkbox', { name: 'IT service desk' }).check();
    await page.getByRole('radio', { name: 'Leaving' }).check();
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2999');
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Training completion date must be today or in the past');
    await expectNoAxeViolations(page);

    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByText('Joan Clarke (S7001) added')).toBeVisible();
    await page.getByRole('link', { name: 'Joan Clarke' }).click();
    const details = page.locator('.govuk-summary-list');
    await expect(details).toContainText('Staff, Line manager, IT service desk');
    await expect(details).toContainText('Leaving');
    await expect(page.getByText('Last completed on 31 December 2025').or(page.getByText('Completed on 31 December 2025'))).toBeVisible();
  });
});
