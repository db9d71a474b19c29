import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 is a native module compiled for one runtime ABI at a time. The unit tests and the web shell need
 * it built for Node; the unpackaged Electron app run here needs it built for Electron (a packaged app carries its
 * own copy, rebuilt by Forge). This rebuilds it for Electron when it is not, the same way `electron-forge start`
 * does; `npm test` (scripts/ensure-native-for-node.mjs) rebuilds it for Node again at its next start.
 */
export function ensureBetterSqliteBuiltForElectron(projectDir: string): void {
  if (builtForElectron(projectDir)) return;
  console.log('[e2e-electron] Rebuilding better-sqlite3 for Electron (as `electron-forge start` does)...');
  const cli = require.resolve('@electron/rebuild/lib/cli.js');
  const result = spawnSync(process.execPath, [cli, '--force', '--only', 'better-sqlite3', '--module-dir', projectDir], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0 || !builtForElectron(projectDir)) {
    throw new Error(
      'Could not rebuild better-sqlite3 for Electron. Run `npx electron-rebuild --force --only better-sqlite3` and read its output.',
    );
  }
}

/**
 * True when @electron/rebuild's marker says "built for this arch and Electron's ABI" and plain Node cannot load the
 * module. Both are checked because `npm rebuild` (prebuild-install) can replace the binary for Node while leaving
 * the marker behind. Node is probed in a child process: loading the library here would keep it mapped into this
 * process while the rebuild overwrites it.
 */
function builtForElectron(projectDir: string): boolean {
  const electronAbi = readFileSync(path.join(projectDir, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  const marker = path.join(projectDir, 'node_modules', 'better-sqlite3', 'build', 'Release', '.forge-meta');
  if (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== `${process.arch}--${electronAbi}`) return false;
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: projectDir });
  return probe.status !== 0;
}
