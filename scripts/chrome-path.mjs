import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROME_PATH. Playwright's own browser download is not reachable here and is not used. */
export function chromePath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function chromeAvailable() {
  return existsSync(chromePath());
}

/** Flags for a headless Chromium on a closed network: no background calls home that would fail or hang. */
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
