import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openAppServices } from '../bridge/app-services';
import { defaultUserDataDir, resolveDataDir } from '../config/data-dir';
import { createMemoryVault } from '../sync/engine/token-vault';
import { createWebShell, listenOnLoopback } from './server';

declare const __APP_VERSION__: string;

/** Built to dist/web/cli.js; scripts/build-web.mjs puts the renderer beside it in dist/web/renderer. */
function defaultRendererDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), 'renderer');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' }, 'renderer-dir': { type: 'string' } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  const rendererDir = values['renderer-dir'] ?? defaultRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer has not been built (no ${join(rendererDir, 'index.html')}); run "npm run build"`);
  }
  const { dataDir } = resolveDataDir({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    defaultDir: defaultUserDataDir(process.platform, process.env, homedir()),
  });
  // The web shell keeps the sign-in in memory only: a browser tab and a short-lived process are no place to store it.
  const services = openAppServices({ dataDir, shell: 'web', version: __APP_VERSION__, tokenVault: createMemoryVault() });
  if (services.storeError) console.error(`Custodian: ${services.storeError.message}`);

  const secret = randomBytes(32).toString('hex');
  const app = createWebShell({ dispatch: services.dispatch, rendererDir, secret });
  const boundPort = await listenOnLoopback(app, port);
  // The secret travels in the fragment: browsers never send it to a server or write it to request logs.
  console.log(`Custodian web shell: http://127.0.0.1:${String(boundPort)}/#secret=${secret}`);
  console.log(`Data directory: ${dataDir}`);

  const stop = () => {
    void app.close().finally(() => {
      services.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Custodian web shell could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
