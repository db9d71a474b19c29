import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, startWebShell, test } from './fixtures';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The app keeps running and explains itself when its data file is from a newer version, or damaged. */
const cases = [
  {
    name: 'a data file from a newer version of Custodian',
    seed: (file: string) => {
      const db = new Database(file);
      db.pragma('user_version = 999');
      db.close();
    },
    message: 'saved by a newer version of Custodian',
  },
  {
    name: 'a damaged data file',
    seed: (file: string) => {
      writeFileSync(file, 'not a database '.repeat(500));
    },
    message: 'is damaged or is not a Custodian data file',
  },
];

for (const { name, seed, message } of cases) {
  test(`${name} is refused with a clear message, left untouched, and the app keeps running`, async ({ page }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'custodian-e2e-store-'));
    const file = join(dataDir, 'custodian.db');
    seed(file);
    const before = sha256(file);
    const { child, url } = await startWebShell(dataDir);
    try {
      await page.goto(url);
      const problem = page.getByRole('alert').filter({ hasText: 'Custodian cannot open its data store' });
      await expect(problem).toContainText(message);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'People', exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
      await expect(problem).toBeVisible();
      expect(sha256(file)).toBe(before);
    } finally {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
