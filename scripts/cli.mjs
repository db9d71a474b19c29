// `npm run cli -- …`: builds the command line (dist/cli/cli.js) when it is missing or older than its sources, then
// runs it with the arguments given. The build's own output goes to stderr, so `--json` output on stdout stays clean.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_V8_FLAGS } from './node-flags.mjs';
import { runBin } from './run.mjs';

const OUTPUT = 'dist/cli/cli.js';
const SOURCES = ['src-main', 'src-shared', 'db/local', 'vite.cli.config.ts', 'package.json'];

/**
 * The newest modification time under a file or directory.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

function needsBuild() {
  if (!existsSync(OUTPUT)) return true;
  const built = statSync(OUTPUT).mtimeMs;
  return SOURCES.some((source) => existsSync(source) && newest(source) > built);
}

if (needsBuild()) {
  const code = await runBin('vite', ['build', '--config', 'vite.cli.config.ts', '--logLevel', 'warn'], { stdio: ['ignore', 2, 2] });
  if (code !== 0) {
    console.error('Custodian: the command line could not be built (see above).');
    process.exit(code);
  }
}

const child = spawn(process.execPath, [...NODE_V8_FLAGS, OUTPUT, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
