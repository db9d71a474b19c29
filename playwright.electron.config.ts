import { defineConfig } from '@playwright/test';

/**
 * Electron e2e (test/e2e-electron): Playwright's `_electron.launch` drives the real app. Separate from the browser
 * e2e config because it needs no browser and builds and launches the desktop app itself. One worker: each test
 * starts its own Electron process with its own data directory, and the beforeAll build must not run twice at once.
 */
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: '.test-output/e2e-electron-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e-electron.json' }]],
});
