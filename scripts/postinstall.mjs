// The electron package is installed without its install script (package.json "allowScripts": electron false) so
// that its types are always there for the type check. Fetch the binary here instead, and carry on without it
// when the download host is unreachable: `npm start` then serves the app through the web shell.
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';
import { run } from './run.mjs';

const installer = 'node_modules/electron/install.js';
if (process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installer) || electronBinary().available) {
  process.exit(0);
}
const code = await run(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000 });
console.log(
  code === 0 && electronBinary().available
    ? 'Electron binary installed.'
    : 'Electron binary could not be downloaded here; "npm start" will serve Custodian through the loopback web shell instead.',
);
