import { downloadedCsv, downloadedXlsx } from './downloads';
import { expect, expectNoAxeViolations, openApp, seedPerson, test } from './fixtures';

/** Custodian's import template names, so an exported CSV imports back. */
const PEOPLE_CSV_HEADER = ['staff_number', 'name', 'email', 'line_manager_staff_number', 'roles', 'status', 'training_completed_on', 'line_manager_name'];
/** The XLSX is read by people: plain labels. */
const PEOPLE_XLSX_HEADER = ['Staff number', 'Name', 'Email', 'Line manager staff number', 'Roles', 'Status', 'Security training completed', 'Line manager'];

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

test('the people directory exports everyone as CSV and as XLSX', async ({ page, webShell }) => {
  const ada = await seedPerson(webShell, { staffNumber: 'S1001', name: 'Ada Lovelace' });
  await seedPerson(webShell, { staffNumber: 'S1002', name: 'Grace Hopper', lineManagerId: ada });
  await seedPerson(webShell, { staffNumber: 'S1003', name: 'Alan Turing', lineManagerId: ada });
  await openApp(page, webShell, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Alan Turing' })).toBeVisible();

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to CSV' }).click();
  const csv = await downloadedCsv(await csvDownload);
  expect(csv.fileName).toMatch(/^custodian-people-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.header).toEqual(PEOPLE_CSV_HEADER);
  // In name order, as the directory lists them; each line manager by staff number, so the file imports back.
  expect(csv.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
    ['S1001', 'Ada Lovelace', ''],
    ['S1003', 'Alan Turing', 'S1001'],
    ['S1002', 'Grace Hopper', 'S1001'],
  ]);
  await expect(page.getByRole('status').filter({ hasText: `Exported ${csv.fileName}` })).toBeAttached();

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel (XLSX)' }).click();
  const xlsx = await downloadedXlsx(await xlsxDownload);
  expect(xlsx.fileName).toMatch(/^custodian-people-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(xlsx.header).toEqual(PEOPLE_XLSX_HEADER);
  expect(xlsx.rows).toHaveLength(3);
  await expectNoAxeViolations(page);
});
