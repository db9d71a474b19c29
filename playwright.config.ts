import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, chromePath } from './scripts/chrome-path.mjs';

/**
 * Browser e2e against the loopback web shell, in Debian's Chromium. Each test starts its own web shell on a fresh
 * data directory (test/e2e/fixtures.ts), so tests never share state and never touch real data.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: '.test-output/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromePath(), args: CHROME_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
