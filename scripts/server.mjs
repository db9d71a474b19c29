// `npm run server [-- command and options]` and `npm run audit:verify`: builds the central API into dist/server when any
// of its inputs is newer than the build (so a fresh clone, or an edited source, just works), then runs it with the
// given arguments. In production, build once (`node scripts/server.mjs --build-only`) and run
// `node dist/server/server.js` directly under the process manager.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBin } from './run.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_OUT_DIR = join(ROOT, 'dist', 'server');
const ENTRY = 'server.js';
/** Everything the bundle is made from. Dependencies are not bundled, so node_modules is not an input. */
const INPUTS = ['src-server', 'src-shared', 'db/central', 'vite.server.config.ts', 'package.json'];

/**
 * @param {string} path
 * @returns {number} the newest modification time under path (0 when it does not exist)
 */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** @param {string} [outDir] */
export function serverBuildIsCurrent(outDir = SERVER_OUT_DIR) {
  const entry = join(outDir, ENTRY);
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  return INPUTS.every((input) => newestMtime(join(ROOT, input)) <= built);
}

/**
 * Builds the server bundle into outDir (tests build into their own temporary directory).
 * @param {string} [outDir]
 * @returns {Promise<number>} the build's exit code
 */
export function buildServer(outDir = SERVER_OUT_DIR) {
  return runBin('vite', ['build', '--config', 'vite.server.config.ts', '--outDir', resolve(outDir), '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** @param {string} [outDir] */
export function serverEntry(outDir = SERVER_OUT_DIR) {
  return join(outDir, ENTRY);
}

async function main() {
  const args = process.argv.slice(2);
  const buildOnly = args[0] === '--build-only';
  if (!serverBuildIsCurrent()) {
    console.error('Building the central API (dist/server)...');
    const code = await buildServer();
    if (code !== 0) return code;
  }
  if (buildOnly) return 0;
  const child = spawn(process.execPath, ['--enable-source-maps', serverEntry(), ...args], { stdio: 'inherit' });
  // Ctrl-C reaches both processes (same process group); a SIGTERM sent to this script alone is passed on.
  // Either way this script waits for the server to finish shutting down and exits with its code.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await main());
