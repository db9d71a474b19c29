// Builds the web shell and the renderer it serves into dist/web. Not into .vite/: Electron Forge empties that
// folder on every start and package.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBin } from './run.mjs';

/** @returns {Promise<number>} the first non-zero exit code, or 0 */
export async function buildWeb() {
  const webshell = await runBin('vite', ['build', '--config', 'vite.webshell.config.ts', '--logLevel', 'warn']);
  if (webshell !== 0) return webshell;
  return runBin('vite', ['build', '--config', 'vite.renderer.config.ts', '--outDir', resolve('dist/web/renderer'), '--emptyOutDir', '--logLevel', 'warn']);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await buildWeb());
