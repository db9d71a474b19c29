import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import type { SyncAccount, SyncStatus } from '../../src-shared/sync/sync-status';
import { buildServerForTest, childEnv, runCommand, startServer, type ServerProcess } from '../server/support/server-process';
import { expect, expectNoAxeViolations, invoke, openApp, seedAsset, seedPerson, startWebShell, test, type WebShell } from './fixtures';

/**
 * Sync against a REAL central API: the server is built and started as its own process (embedded PGlite in a
 * temporary directory), an administrator is bootstrapped with a one-time password, and the web shell signs in to it
 * through the Sync page. The tests run in order: the first signs in with the one-time password and changes it.
 */
const EMAIL = 'first.admin@example.gov.uk';
const NEW_PASSWORD = 'a long and private passphrase';

let server: ServerProcess;
let oneTimePassword: string;
let removeBuild: () => void = () => undefined;
let serverData: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  let entry: string;
  ({ entry, remove: removeBuild } = await buildServerForTest());
  serverData = mkdtempSync(join(tmpdir(), 'custodian-e2e-server-'));
  const env = childEnv();
  const bootstrap = await runCommand(entry, ['bootstrap-admin', '--email', EMAIL, '--name', 'First Admin', '--data-dir', serverData], env);
  if (bootstrap.code !== 0) throw new Error(`bootstrap-admin failed: ${bootstrap.stderr}`);
  const match = /^([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})$/m.exec(bootstrap.stdout);
  if (!match?.[1]) throw new Error(`No one-time password in:\n${bootstrap.stdout}`);
  oneTimePassword = match[1];
  server = await startServer(entry, ['--data-dir', serverData], env);
});

test.afterAll(async () => {
  await server.stop();
  rmSync(serverData, { recursive: true, force: true });
  removeBuild();
});

const indicator = (page: Page) => page.locator('.app-sync-indicator__tag');

async function goToSyncPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
}

function recoveryFiles(webShell: WebShell): string[] {
  const dir = join(webShell.dataDir, 'recovery');
  return existsSync(dir) ? readdirSync(dir) : [];
}

test('signs in to a real server (one-time password, then a new one), syncs, lists a refused change, and signs out', async ({ page, webShell }) => {
  test.setTimeout(120_000);
  // Work done on this computer before anyone signed in.
  await seedPerson(webShell, { staffNumber: 'L0001', name: 'Local Only Person' });
  await openApp(page, webShell, '/people');
  await expect(page.getByRole('cell', { name: 'Local Only Person' })).toBeVisible();
  await expect(indicator(page)).toHaveText('Not syncing');

  await goToSyncPage(page);
  await expect(page.getByRole('link', { name: 'Sync', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('1 change made on this computer will be saved to a recovery file')).toBeVisible();
  await expectNoAxeViolations(page);

  // Keyboard only: type into each field, move on with Tab, submit with Enter.
  await page.getByLabel('Server address').focus();
  await page.keyboard.type(server.url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(EMAIL);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('The email address or password is not right');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Sync/);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /password is not right/ }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();

  await page.getByLabel('Password', { exact: true }).fill(oneTimePassword);
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('You signed in with a one-time password');
  const newPassword = page.getByLabel('New password');
  await expect(newPassword).toBeVisible();
  await expectNoAxeViolations(page);
  await newPassword.fill(NEW_PASSWORD);
  await page.getByLabel('Password', { exact: true }).fill(oneTimePassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'Signed in as First Admin' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('were saved to');
  const files = recoveryFiles(webShell);
  expect(files).toHaveLength(1);
  const recovery = JSON.parse(readFileSync(join(webShell.dataDir, 'recovery', files[0] ?? ''), 'utf8')) as { outbox: { mutations: { name: string }[] } };
  expect(recovery.outbox.mutations.map((m) => m.name)).toEqual(['person.create']);

  await expect(indicator(page)).toHaveText('Synced', { timeout: 20_000 });
  await expect(page.getByTestId('sync-live-status')).toHaveText('Sync status: Synced');
  await expect(page.locator('.govuk-summary-list')).toContainText(`First Admin (${EMAIL})`);
  await expect(page.getByText('in memory only')).toBeVisible();
  await expectNoAxeViolations(page);

  // The server's records replaced the local ones.
  await page.getByRole('link', { name: 'People', exact: true }).first().click();
  await expect(page.getByRole('cell', { name: 'First Admin' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Local Only Person' })).toHaveCount(0);
  await expect(indicator(page)).toHaveText('Synced');

  // An administrator may not add assets: the change is made locally, then refused by the server.
  await seedAsset(webShell, { assetTag: 'LT-0001', serialNumber: 'SN-0001' });
  await goToSyncPage(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const refused = page.getByRole('row').filter({ hasText: 'Add an asset' });
  await expect(refused).toContainText('do not allow you to add assets', { timeout: 20_000 });
  await expect(indicator(page)).toHaveText('Synced');
  await expectNoAxeViolations(page);
  await refused.getByRole('button', { name: /^Dismiss/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The server has applied every change sent from this computer.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Changes not applied' })).toBeFocused();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Signed out.' })).toBeVisible();
  await expect(indicator(page)).toHaveText('Not syncing');
  await expect(page.getByRole('heading', { name: 'Sign in to a server' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await invoke<{ total: number }>(webShell, 'person.list', {})).toMatchObject({ total: 0 });
});

test('a change made on one desktop reaches another promptly through a poke', async ({ page, webShell }) => {
  test.setTimeout(120_000);
  const otherDir = mkdtempSync(join(tmpdir(), 'custodian-e2e-other-'));
  const other = await startWebShell(otherDir);
  try {
    const otherShell: WebShell = { url: other.url, dataDir: otherDir };
    const credentials = { serverUrl: server.url, email: EMAIL, password: NEW_PASSWORD };

    await openApp(page, webShell, '/sync');
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Signed in as First Admin' })).toBeVisible();
    await expect(indicator(page)).toHaveText('Synced', { timeout: 20_000 });

    // The other desktop signs in too and adds a person; its push pokes this one, which pulls without being asked.
    await invoke(otherShell, 'sync.signIn', credentials);
    await seedPerson(otherShell, { staffNumber: 'S2002', name: 'Grace Hopper' });
    await expect
      .poll(async () => (await invoke<{ items: { name: string }[] }>(webShell, 'person.list', {})).items.map((person) => person.name), { timeout: 15_000 })
      .toContain('Grace Hopper');
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await expect(page.getByRole('cell', { name: 'Grace Hopper' })).toBeVisible();
    await expect(indicator(page)).toHaveText('Synced');

    await goToSyncPage(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(indicator(page)).toHaveText('Not syncing');
  } finally {
    other.child.kill('SIGTERM');
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('first-sync progress and every indicator state are shown accessibly (sync.status answers stubbed)', async ({ page, webShell }) => {
  // Held at chosen states so each can be looked at and checked with axe; every other call goes to the real web shell.
  const account: SyncAccount = { serverUrl: 'https://custodian.example.gov.uk', personId: '0190a0a0-0000-7000-8000-000000000001', email: EMAIL, name: 'First Admin', roles: ['staff'] };
  let status: SyncStatus = {
    state: 'syncing',
    pending: 0,
    rejected: 0,
    lastSyncedAt: null,
    firstSync: { done: 97_500, total: 390_000 },
    message: null,
    notice: null,
    account,
  };
  await page.route('**/api/invoke', async (route: Route) => {
    const { method } = route.request().postDataJSON() as { method: string };
    if (method !== 'sync.status') return route.continue();
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: status }) });
  });

  await openApp(page, webShell, '/sync');
  const bar = page.getByRole('progressbar', { name: 'First sync' });
  await expect(bar).toHaveAttribute('aria-valuenow', '25');
  await expect(bar).toHaveAttribute('aria-valuetext', '97,500 of 390,000 records received (25%)');
  await expect(indicator(page)).toHaveText('Syncing 25%');
  await expectNoAxeViolations(page);

  status = { ...status, firstSync: { done: 5000, total: null } };
  await expect(page.getByText('5,000 records received so far')).toBeVisible();
  await expect(bar).not.toHaveAttribute('aria-valuenow', /.*/);

  const states: [Partial<SyncStatus>, string][] = [
    [{ state: 'offline', pending: 3, message: 'Custodian cannot reach the server.' }, 'Offline · 3 changes waiting'],
    [{ state: 'signed_out', pending: 1, message: null }, 'Signed out · 1 change waiting'],
    [{ state: 'update_required', pending: 0, message: 'The server needs a newer version of Custodian.' }, 'Update required'],
    [{ state: 'synced', pending: 2, message: null }, '2 changes waiting'],
  ];
  for (const [next, text] of states) {
    status = { ...status, firstSync: null, ...next };
    await expect(indicator(page)).toHaveText(text, { timeout: 10_000 });
    await expect(page.getByTestId('sync-live-status')).toHaveText(`Sync status: ${text}`);
    await expect(bar).toHaveCount(0);
    await expectNoAxeViolations(page);
  }
});
