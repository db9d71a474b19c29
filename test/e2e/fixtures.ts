import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { WEB_SHELL_INVOKE_PATH, WEB_SHELL_SECRET_HEADER } from '../../src-shared/api/bridge';
import { newId } from '../../src-shared/ids';
import type { Result } from '../../src-shared/result';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'web', 'cli.js');

export interface WebShell {
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

/** A call to the web shell's API from the test itself (seeding data, or changing it behind the page's back). */
export async function invokeResult(webShell: WebShell, method: string, input: unknown): Promise<Result<unknown>> {
  const url = new URL(webShell.url);
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? '';
  const response = await fetch(new URL(WEB_SHELL_INVOKE_PATH, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEB_SHELL_SECRET_HEADER]: secret },
    body: JSON.stringify({ method, input }),
  });
  return (await response.json()) as Result<unknown>;
}

/** Like invokeResult, for calls that must work: a refusal fails the test with the app's own message. */
export async function invoke<T = unknown>(webShell: WebShell, method: string, input: unknown): Promise<T> {
  const result = await invokeResult(webShell, method, input);
  if (!result.ok) throw new Error(`${method} was refused (${result.error.code}): ${result.error.message}`);
  return result.value as T;
}

interface SeedPerson {
  readonly staffNumber: string;
  readonly name: string;
  readonly email?: string;
  readonly lineManagerId?: string;
  /** YYYY-MM-DD; omitted means no training recorded (so it counts as lapsed). */
  readonly trainingCompletedOn?: string;
}

/** Adds a person through `person.create`; returns their id. */
export async function seedPerson(webShell: WebShell, person: SeedPerson): Promise<string> {
  const id = newId();
  await invoke(webShell, 'person.create', {
    id,
    staffNumber: person.staffNumber,
    name: person.name,
    email: person.email ?? `${person.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.gov.uk`,
    lineManagerId: person.lineManagerId ?? null,
    trainingCompletedOn: person.trainingCompletedOn ?? null,
  });
  return id;
}

interface SeedAsset {
  readonly assetTag: string;
  readonly serialNumber: string;
  readonly type?: string;
  readonly model?: string;
  readonly location?: string;
}

/** Adds an asset (in stock) through `asset.create`; returns its id. */
export async function seedAsset(webShell: WebShell, asset: SeedAsset): Promise<string> {
  const id = newId();
  await invoke(webShell, 'asset.create', {
    id,
    assetTag: asset.assetTag,
    serialNumber: asset.serialNumber,
    type: asset.type ?? 'laptop',
    model: asset.model ?? 'Dell Latitude 5440',
    location: asset.location ?? null,
  });
  return id;
}

/** Today's date, YYYY-MM-DD, shifted by `days` (negative for the past). */
export function isoDate(days = 0): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** WCAG 2.2 AA is a legal duty for public sector software: every page state we show is checked with axe-core. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** Opens the app (the printed URL, secret included) and goes to `path` (`/assets/…`) as a link in the app would. */
export async function openApp(page: Page, webShell: WebShell, path = '/assets'): Promise<void> {
  if (!page.url().startsWith(new URL(webShell.url).origin)) {
    await page.goto(webShell.url);
    await expect(page.locator('h1')).toBeVisible();
  }
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${path}`);
}
