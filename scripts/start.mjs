// `npm start`: the Electron app when its binary is installed, otherwise the same app through the loopback web shell.
import { buildWeb } from './build-web.mjs';
import { electronBinary } from './electron-binary.mjs';
import { ELECTRON_JS_FLAGS, NODE_V8_FLAGS } from './node-flags.mjs';
import { run, runBin } from './run.mjs';

const passThrough = process.argv.slice(2);
const electron = electronBinary();

if (electron.available) {
  process.exit(await runBin('electron-forge', ['start', '--', ELECTRON_JS_FLAGS, ...passThrough]));
}

console.log(`Electron is unavailable on this machine (${electron.reason}); serving Custodian through the loopback web shell instead.`);
const built = await buildWeb();
if (built !== 0) process.exit(built);
process.exit(await run(process.execPath, [...NODE_V8_FLAGS, 'dist/web/cli.js', ...passThrough]));
