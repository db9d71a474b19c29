import { expect, expectNoAxeViolations, test } from './fixtures';

test('people are added with a line manager and listed with them', async ({ page, webShell }) => {
  await page.goto(webShell.url);
  await page.getByRole('link', { name: 'People', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expectNoAxeViolations(page);

  const addPerson = async (staffNumber: string, name: string, email: string, manager?: string) => {
    await page.getByRole('button', { name: 'Add a person' }).or(page.getByRole('link', { name: 'Add a person' })).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
    await page.getByLabel('Staff number').fill(staffNumber);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email);
    if (manager) await page.getByLabel('Line manager').selectOption({ label: manager });
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  };

  await addPerson('S1001', 'Ada Lovelace', 'ada.lovelace@example.gov.uk');
  await addPerson('S1002', 'Grace Hopper', 'Grace.Hopper@example.gov.uk', 'Ada Lovelace (S1001)');

  const grace = page.getByRole('row').filter({ hasText: 'Grace Hopper' });
  await expect(grace).toContainText('grace.hopper@example.gov.uk');
  await expect(grace).toContainText('Ada Lovelace');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add a person' }).or(page.getByRole('link', { name: 'Add a person' })).click();
  await page.getByLabel('Staff number').fill('s1001');
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Save person' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter an email address in the correct format');
  await expectNoAxeViolations(page);

  await page.getByLabel('Email address').fill('someone.else@example.gov.uk');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(summary).toContainText('Staff number S1001 already belongs to Ada Lovelace');
});
