import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, invoke, isoDate, openApp, seedAsset, seedPerson, test, type WebShell } from './fixtures';

const AUP_VERSION = '2024.1';
const REFERENCE = /SEC-\d{4}-[0-9A-Z]{5}-\d{4}/;

/** A line manager, the holder who reports to them, a phone issued to the holder and a spare phone in stock. */
async function seedTeam(webShell: WebShell) {
  const managerId = await seedPerson(webShell, { staffNumber: 'M0001', name: 'Margaret Hamilton', trainingCompletedOn: isoDate(-20) });
  const holderId = await seedPerson(webShell, { staffNumber: 'S5001', name: 'Dorothy Vaughan', lineManagerId: managerId, trainingCompletedOn: isoDate(-20) });
  const phoneId = await seedAsset(webShell, { assetTag: 'PH-0001', serialNumber: 'SNPH1', type: 'smartphone', model: 'Apple iPhone 15' });
  await invoke(webShell, 'asset.issue', { assetId: phoneId, personId: holderId, aupVersion: AUP_VERSION, aupConfirmed: true });
  await seedAsset(webShell, { assetTag: 'PH-0002', serialNumber: 'SNPH2', type: 'smartphone', model: 'Apple iPhone 15' });
  return { managerId, holderId, phoneId };
}

async function fillDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.getByLabel('Day').fill(String(Number(day)));
  await page.getByLabel('Month').fill(String(Number(month)));
  await page.getByLabel('Year').fill(year ?? '');
}

test.describe('loss, theft and damage reports (AUP 8.2)', () => {
  test('report a stolen phone, see the incident reference, work the suspension queue to suspended, close it as replaced', async ({ page, webShell }) => {
    test.slow(); // a long journey with many axe checks
    const { phoneId } = await seedTeam(webShell);
    await openApp(page, webShell, `/assets/${phoneId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'PH-0001' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark as stolen' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Report lost, stolen or damaged' }).click();

    // The report: bad input first, all of it named in the error summary.
    await expect(page.getByRole('heading', { level: 1, name: 'Report PH-0001 lost, stolen or damaged' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Submit report' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    for (const message of [
      'Select whether the equipment was lost, stolen or damaged',
      'Enter the date it happened',
      'Enter the place where it happened',
      'Enter the circumstances',
      'Select whether the device was left logged in or unlocked',
    ]) {
      await expect(summary).toContainText(message);
    }
    await expectNoAxeViolations(page);

    await page.getByLabel('Stolen').check();
    await expect(page.getByLabel('Police crime reference number')).toBeVisible();
    await fillDate(page, isoDate(2));
    await page.getByLabel('Where did it happen?').fill('Leeds station, platform 8');
    await page.getByLabel('What were the circumstances?').fill('Taken from my bag while I was buying a ticket');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(summary).toContainText('The date it happened cannot be in the future');
    await expect(summary).toContainText('Enter the police crime reference number, or say why the theft has not been reported to the police yet');
    await expectNoAxeViolations(page);

    await fillDate(page, isoDate(-1));
    await page.getByLabel('Police crime reference number').fill('CRI/12345/26');
    await page.getByRole('button', { name: 'Submit report' }).click();

    // The incident: its reference, the holder's line manager, the suspension request.
    const banner = page.getByRole('alert').filter({ hasText: 'Report submitted: security incident' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(REFERENCE);
    const reference = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(reference).toMatch(new RegExp(`^${REFERENCE.source}$`));
    const details = page.locator('.govuk-summary-list').first();
    await expect(details).toContainText('Stolen on');
    await expect(details).toContainText('Dorothy Vaughan');
    await expect(details).toContainText('Margaret Hamilton');
    await expect(page.getByText('CRI/12345/26')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Phone suspension', exact: true })).toBeVisible();
    await expect(page.getByText('Suspension requested').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The security team's list and the desk's queue.
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security incidents' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('PH-0001 (Smartphone)');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Phone suspension queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Phone suspension queue' })).toBeVisible();
    const queued = page.getByRole('row').filter({ hasText: reference });
    await expect(queued).toContainText('Suspension requested');
    await expect(queued).toContainText('Dorothy Vaughan');
    await expectNoAxeViolations(page);
    await queued.getByRole('link', { name: reference }).click();

    // Suspended, with the carrier's reference.
    await page.getByRole('button', { name: 'Record suspension' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Record the suspension of PH-0001' })).toBeVisible();
    await page.getByRole('button', { name: 'Record suspension' }).click();
    await expect(summary).toContainText('Enter the carrier’s reference');
    await expectNoAxeViolations(page);
    await page.getByLabel('Carrier’s reference for the suspension').fill('VOD-778812');
    await page.getByRole('button', { name: 'Record suspension' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Suspension of PH-0001 recorded' })).toBeVisible();
    await expect(page.locator('.govuk-summary-list').nth(1)).toContainText('Suspended');
    await expect(page.locator('.govuk-summary-list').nth(1)).toContainText('carrier reference VOD-778812');
    await expectNoAxeViolations(page);

    // Closed as replaced by the spare phone.
    await page.getByRole('button', { name: 'Close incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Close security incident ${reference}` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Close incident' }).click();
    await expect(summary).toContainText('Select the outcome');
    await expect(summary).toContainText('Select whether the cost should be recovered from the holder');
    await page.getByLabel('Replaced').check();
    await page.getByLabel('Asset tag of the replacement').fill('PH-9999');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Close incident' }).click();
    await expect(summary).toContainText('No asset in the register has the tag PH-9999');
    await expectNoAxeViolations(page);
    await page.getByLabel('Asset tag of the replacement').fill('ph-0002');
    await page.getByRole('button', { name: 'Close incident' }).click();

    await expect(page.getByRole('alert').filter({ hasText: `Security incident ${reference} closed` })).toBeVisible();
    await expect(details).toContainText('Replaced by PH-0002');
    await expect(details).toContainText('Yes: the cost is to be recovered from the holder');
    await expect(page.locator('.moj-timeline__title')).toHaveText(['Incident closed', 'Phone suspended', 'Phone suspension requested', 'Reported']);
    await expect(page.getByRole('button', { name: 'Close incident' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The old phone is retired, its history and incidents say why.
    await details.getByRole('link', { name: 'PH-0001' }).click();
    await expect(page.locator('.govuk-summary-list')).toContainText('Retired');
    await expect(page.getByRole('link', { name: reference })).toBeVisible();
    await expect(page.locator('.moj-timeline__item').first()).toContainText('Replaced by PH-0002');
    await expectNoAxeViolations(page);
  });

  test('a second report of the same phone joins the open incident, which is in the line manager’s queue; the record prints without the app around it', async ({
    page,
    webShell,
  }) => {
    const { managerId, phoneId } = await seedTeam(webShell);
    const first = await invoke(webShell, 'asset.reportLoss', {
      id: '01900000-0000-7000-8000-00000000f001',
      assetId: phoneId,
      kind: 'lost',
      occurredOn: isoDate(-1),
      location: 'Somewhere in Leeds',
      circumstances: 'Not seen since the meeting',
      deviceUnlocked: 'not_sure',
    });
    expect(first).toHaveProperty('mutationId');

    await openApp(page, webShell, `/people/${managerId}`);
    await expect(page.getByRole('heading', { name: 'Loss and damage reports to Margaret Hamilton' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'PH-0001' })).toContainText('Dorothy Vaughan');
    await expectNoAxeViolations(page);

    await openApp(page, webShell, `/assets/${phoneId}/report`);
    await expect(page.locator('.govuk-inset-text')).toContainText('is already reported in security incident');
    await page.getByLabel('Damaged').check();
    await fillDate(page, isoDate(0));
    await page.getByLabel('Where did it happen?').fill('Found by a colleague, screen smashed');
    await page.getByLabel('What were the circumstances?').fill('Dropped on the stairs');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Report added to security incident' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Reports (2)' })).toBeVisible();
    await expect(page.locator('.moj-timeline__title').first()).toHaveText('Further report added');
    await expectNoAxeViolations(page);

    // "Print or save as PDF" opens the browser's print dialog; printed, the page is the record only.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.govuk-service-navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  });
});
