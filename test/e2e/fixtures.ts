import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'web', 'cli.js');

interface WebShell {
  /** The URL the web shell printed, secret included. */
  readonly url: string;
  readonly dataDir: string;
}

/** Starts the built web shell on a free port with its own data directory and waits for the URL line. */
export async function startWebShell(dataDir: string): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const match = /^Custodian web shell: (http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]+)$/.exec(line);
    if (match?.[1]) return { child, url: match[1] };
  }
  throw new Error(`The web shell exited before printing its URL. ${stderr}`);
}

export const test = base.extend<{ webShell: WebShell }>({
  // Playwright reads a fixture's dependencies from the first parameter's destructuring: none here.
  // eslint-disable-next-line no-empty-pattern
  webShell: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'custodian-e2e-'));
    const { child, url } = await startWebShell(dataDir);
    try {
      await use({ url, dataDir });
    } finally {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** WCAG 2.2 AA is a legal duty for public sector software: every page state we show is checked with axe-core. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
