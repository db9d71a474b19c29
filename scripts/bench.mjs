// `npm run bench -- [options]`: builds the tools (vite.tools.config.ts → dist/tools/) and the web shell with its
// renderer (dist/web/), then runs dist/tools/bench.js: search, page query, import and first-render figures, printed
// and written to bench/results.json. `npm run bench -- --help` lists the options. Not part of `npm test`.
import { buildWeb } from './build-web.mjs';
import { chromeAvailable, chromePath } from './chrome-path.mjs';
import { NODE_V8_FLAGS } from './node-flags.mjs';
import { run, runBin } from './run.mjs';

const tools = await runBin('vite', ['build', '--config', 'vite.tools.config.ts', '--logLevel', 'warn']);
if (tools !== 0) {
  console.error('Custodian: the benchmark could not be built (see above).');
  process.exit(tools);
}

// First render needs the web shell and Chromium; without either, the other figures are still measured.
/** @type {string[]} */
const skip = [];
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  // Only the usage: nothing to render.
} else if (!chromeAvailable()) {
  skip.push('--skip-render', `no Chromium at ${chromePath()} (install it: sudo apt-get install -y chromium, or set CHROME_PATH)`);
} else if ((await buildWeb()) !== 0) {
  skip.push('--skip-render', 'the web shell or renderer did not build (see above)');
}

process.exit(await run(process.execPath, [...NODE_V8_FLAGS, 'dist/tools/bench.js', ...skip, ...args]));
