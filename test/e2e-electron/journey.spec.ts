/**
 * The desktop journey in the real Electron app: add an asset, see it in the register.
 *
 * It runs the production bundles (`.vite/build/main.cjs` loading the renderer from app://custodian), built the way
 * `electron-forge package` builds them (see build-bundles.ts; `electron-forge start` builds the same main and
 * preload). Electron is launched on the project folder, so it starts package.json's "main", as a packaged app does.
 *
 * Skipped, with the reason printed, when no Electron binary is installed (the electron package is optional and
 * its binary is downloaded separately). Spectron is not used: it was deprecated in 2022 and stops at Electron 17.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { buildForgeViteBundles } from './build-bundles';
import { ensureBetterSqliteBuiltForElectron } from './native-for-electron';

const projectDir = path.resolve(import.meta.dirname, '..', '..');
const binary = electronBinary();
const skipReason = binary.available ? '' : `Electron binary not installed: ${binary.reason}`;

if (!binary.available) {
  // The list reporter shows a skipped test without its reason; say it where a person reading CI output will see it.
  console.warn(`\n[e2e-electron] SKIPPED: ${skipReason}. Install it with "node node_modules/electron/install.js".\n`);
}
test.skip(!binary.available, skipReason);

test.describe('Electron app', () => {
  let app: ElectronApplication | undefined;
  let dataDir: string | undefined;

  test.beforeAll(async () => {
    // Building and, once, recompiling the native module take far longer than a test step.
    test.setTimeout(10 * 60_000);
    await buildForgeViteBundles(projectDir);
    const main = (JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { main?: string }).main;
    expect(main, 'package.json "main" must point at the main bundle Forge builds').toBe('.vite/build/main.cjs');
    ensureBetterSqliteBuiltForElectron(projectDir);
  });

  test.beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'custodian-e2e-electron-'));
    app = await electron.launch({
      args: [projectDir, '--data-dir', dataDir],
      cwd: projectDir,
      // Dropped so a value in the developer's shell cannot point the app anywhere else.
      env: { ...process.env, CUSTODIAN_DATA_DIR: '' },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the service desk adds an asset and sees it in the register', async () => {
    if (app === undefined) throw new Error('the app did not launch');
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/custodian\//);

    const tag = `E2E-${String(Date.now())}`;
    await page.getByRole('button', { name: 'Add an asset' }).or(page.getByRole('link', { name: 'Add an asset' })).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add an asset' })).toBeVisible();
    await page.getByLabel('Asset tag').fill(tag);
    await page.getByLabel('Serial number').fill('SN-ELECTRON-0001');
    await page.getByLabel('Type').selectOption({ label: 'Laptop' });
    await page.getByLabel('Make and model').fill('Dell Latitude 7450');
    await page.getByRole('button', { name: 'Save asset' }).click();

    await expect(page.getByRole('table').getByRole('cell', { name: tag, exact: true })).toBeVisible();
  });

  test('the page gets one bridge function and no Node, under the strict CSP', async () => {
    if (app === undefined) throw new Error('the app did not launch');
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/custodian\//);

    const exposed = await page.evaluate(() => {
      const bridge = (window as unknown as { custodian?: object }).custodian;
      return { keys: Object.keys(bridge ?? {}), hasRequire: 'require' in window, hasProcess: 'process' in window };
    });
    expect(exposed).toEqual({ keys: ['invoke'], hasRequire: false, hasProcess: false });

    const csp = await page.evaluate(async () => (await fetch(window.location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
