import { existsSync } from 'node:fs';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { nativeExternals } from './vite.main.config';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

/** Finds `name` the way Node's resolver would from `fromDir`, without leaving the project. */
function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || path.dirname(dir) === dir) return null;
  }
}

/**
 * The installed package folders `roots` need at run time: the roots and, transitively, their dependencies and
 * optional dependencies. A folder nested inside another one found here is left out (copying the outer folder
 * copies it). Throws if a required dependency is not installed, so a broken package is never produced.
 */
async function runtimePackageDirs(roots: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  const pending = roots.map((name) => ({ name, fromDir: projectDir, optional: false }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const dir = findPackageDir(next.name, next.fromDir);
    if (dir === null) {
      if (next.optional) continue;
      throw new Error(`Cannot package: ${next.name} (needed at run time) is not installed. Run npm ci.`);
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) pending.push({ name, fromDir: dir, optional: false });
    for (const name of Object.keys(manifest.optionalDependencies ?? {})) pending.push({ name, fromDir: dir, optional: true });
  }
  const dirs = [...found];
  return dirs.filter((dir) => !dirs.some((outer) => outer !== dir && dir.startsWith(`${outer}${path.sep}`)));
}

/**
 * Copies the native modules the main bundle leaves external (better-sqlite3), and their run-time dependencies, into
 * the app being packaged: the Vite plugin packages only `.vite/`. This hook runs before Forge's rebuild step, which
 * then compiles (or downloads a prebuilt) better-sqlite3 for the packaged Electron's ABI and platform. The locally
 * built `build/` folder (compiled for the Node.js running the tests) is not copied, so the package can never ship a
 * binary built for the wrong runtime.
 */
async function copyRuntimeNativeModules(buildPath: string): Promise<void> {
  for (const dir of await runtimePackageDirs(nativeExternals)) {
    const localBuild = existsSync(path.join(dir, 'binding.gyp')) ? path.join(dir, 'build') : null;
    await cp(dir, path.join(buildPath, path.relative(projectDir, dir)), {
      recursive: true,
      dereference: true,
      filter: (source) => localBuild === null || (source !== localBuild && !source.startsWith(`${localBuild}${path.sep}`)),
    });
  }
}

interface PackageJson {
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Forge reads Electron's version from devDependencies only ("Could not find any Electron packages in
 * devDependencies"). Custodian lists electron under optionalDependencies so that `npm install` succeeds on machines
 * where its binary cannot be had, so Forge is shown it where it looks. Only Forge's view changes, not the file.
 */
export function withElectronAsDevDependency<T extends PackageJson>(packageJson: T): T {
  const electron = packageJson.optionalDependencies?.electron;
  if (electron === undefined || packageJson.devDependencies?.electron !== undefined) return packageJson;
  return { ...packageJson, devDependencies: { ...packageJson.devDependencies, electron } };
}

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'Custodian',
    executableName: 'custodian',
  },
  rebuildConfig: {},
  makers: [new MakerZIP({})],
  hooks: {
    readPackageJson: async (_forgeConfig, packageJson) => Promise.resolve(withElectronAsDevDependency(packageJson)),
    packageAfterCopy: async (_forgeConfig, buildPath) => {
      await copyRuntimeNativeModules(buildPath);
    },
  },
  plugins: [
    // better-sqlite3's .node file cannot be loaded from inside app.asar; this unpacks *.node next to it.
    new AutoUnpackNativesPlugin({}),
    new VitePlugin({
      build: [
        // Outputs .vite/build/main.cjs and .vite/build/preload.cjs (see the two Vite configs for why .cjs).
        { entry: 'src-main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src-main/electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Fuses are flipped in the Electron binary at package time, before code signing (as in Forge's template).
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
