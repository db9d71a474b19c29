// `npm start`: the Electron app when its binary is installed, otherwise the same app through the loopback web shell.
import { electronBinary } from './electron-binary.mjs';
import { run, runBin } from './run.mjs';

const passThrough = process.argv.slice(2);
const electron = electronBinary();

if (electron.available) {
  process.exit(await runBin('electron-forge', ['start', '--', ...passThrough]));
}

console.log(`Electron is unavailable on this machine (${electron.reason}); serving Custodian through the loopback web shell instead.`);
for (const config of ['vite.renderer.config.ts', 'vite.webshell.config.ts']) {
  const code = await runBin('vite', ['build', '--config', config, '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(process.execPath, ['.vite/webshell/cli.js', ...passThrough]));
