import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { chromium } from 'playwright-core';
import { median } from './stats';

/** The built web shell (scripts/build-web.mjs), serving the built renderer beside it. */
const WEB_SHELL = resolve('dist', 'web', 'cli.js');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** As scripts/chrome-path.mjs: a headless Chromium on a closed network, with no background calls home. */
const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs in the page before any of its scripts: notes when the first data row of the register (a table row with a
 * cell, or an ARIA row with a cell, so the virtualised register counts too) enters the DOM, then when the frame that
 * shows it has been rendered (after the next animation frame). Times are performance.now(): ms since navigation start.
 */
const FIRST_ROW_PROBE = `(() => {
  const probe = { rowAt: null, renderedAt: null };
  window.__custodianFirstRow = probe;
  const selector = 'tr:has(td), [role="row"]:has([role="cell"], [role="gridcell"])';
  const observer = new MutationObserver(() => {
    if (probe.rowAt !== null || document.querySelector(selector) === null) return;
    probe.rowAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { probe.renderedAt = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Probe {
  readonly rowAt: number | null;
  readonly renderedAt: number | null;
}

async function startWebShell(dataDir: string): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  // With the benchmark's own V8 flags (scripts/node-flags.mjs), as `npm start` gives the web shell.
  const child = spawn(process.execPath, [...process.execArgv, WEB_SHELL, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^Custodian web shell: (http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]+)$/.exec(line);
    if (match?.[1]) return { child, url: match[1] };
  }
  throw new Error(`The web shell exited before printing its address. ${stderr}`);
}

export interface RenderResult {
  /** Median of the cold loads: navigation start to the frame showing the first register row. */
  readonly medianMs: number;
  readonly loads: readonly number[];
  /** Navigation start to the first row entering the DOM, per load. */
  readonly domLoads: readonly number[];
}

/**
 * Time to the first rendered list page: the built web shell on the benchmark store, Chromium opening the register
 * (`#/assets`, where the app opens) `loads` times, each in a fresh browser context (empty cache and storage).
 */
export async function benchFirstRender(dataDir: string, loads: number): Promise<RenderResult> {
  const { child, url } = await startWebShell(dataDir);
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  try {
    const rendered: number[] = [];
    const inDom: number[] = [];
    for (let load = 0; load < loads; load += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: FIRST_ROW_PROBE });
        // The URL carries the secret in its fragment; the app takes it and opens on the register.
        await page.goto(url);
        // These run in the page (src-main has no DOM types: the page's global is reached as globalThis).
        await page.waitForFunction(() => (globalThis as unknown as { __custodianFirstRow?: Probe }).__custodianFirstRow?.renderedAt != null, null, {
          timeout: 60_000,
        });
        const probe = await page.evaluate(() => (globalThis as unknown as { __custodianFirstRow: Probe }).__custodianFirstRow);
        rendered.push(probe.renderedAt ?? Number.NaN);
        inDom.push(probe.rowAt ?? Number.NaN);
      } finally {
        await context.close();
      }
    }
    return { medianMs: median(rendered), loads: rendered, domLoads: inDom };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
