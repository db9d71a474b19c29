// `npm test`: the whole suite in order — type check, lint, unit + integration, build, browser e2e, Electron e2e —
// then one closing line with the counts: "tests: N passed, N failed, N skipped".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { buildWeb } from './build-web.mjs';
import { chromeAvailable, chromePath } from './chrome-path.mjs';
import { run, runBin } from './run.mjs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failedStages = [];

/**
 * @param {string} name
 * @param {() => Promise<number>} command
 */
async function stage(name, command) {
  console.log(`\n=== ${name} ===`);
  const code = await command();
  if (code !== 0) failedStages.push(name);
  return code === 0;
}

/** @param {string} file @returns {any} */
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** @param {string} file */
function countVitest(file) {
  const report = readJson(file);
  if (!report) return;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

/** @param {string} file */
function countPlaywright(file) {
  const report = readJson(file);
  if (!report) return;
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

await stage('native module check', () => run(process.execPath, ['scripts/ensure-native-for-node.mjs']));
await stage('type check', async () => {
  for (const project of ['src-shared', 'src-renderer', 'src-main', 'src-server', '.']) {
    const code = await runBin('tsc', ['--noEmit', '-p', project]);
    if (code !== 0) return code;
  }
  return 0;
});
await stage('lint', () => runBin('eslint', ['--max-warnings', '0', '.']));
await stage('unit and integration (vitest)', () =>
  runBin('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]),
);
countVitest(`${OUT}/vitest.json`);

const built = await stage('build web shell and renderer', buildWeb);

if (!built) {
  failedStages.push('browser e2e (not run: build failed)');
} else if (!chromeAvailable()) {
  if (process.env.CI) {
    console.error(`\nBrowser e2e is required in CI, but there is no Chromium at ${chromePath()}. .ci/run installs it with apt-get.`);
    failedStages.push('browser e2e (no Chromium)');
  } else {
    console.warn('\n' + '!'.repeat(100));
    console.warn(`!! SKIPPED browser e2e: no Chromium at ${chromePath()}.`);
    console.warn('!! Install it with "sudo apt-get install -y chromium", or set CHROME_PATH to a Chromium/Chrome executable.');
    console.warn('!'.repeat(100));
  }
} else {
  await stage('browser e2e (Playwright + Chromium, web shell)', () => runBin('playwright', ['test']));
  countPlaywright(`${OUT}/e2e.json`);
}

if (existsSync('playwright.electron.config.ts')) {
  await stage('Electron e2e', () => runBin('playwright', ['test', '--config', 'playwright.electron.config.ts']));
  countPlaywright(`${OUT}/e2e-electron.json`);
}

console.log('');
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length > 0 || totals.failed > 0 ? 1 : 0);
