/**
 * The packaging contract between forge.config.ts, the two Vite configs and package.json: a mismatch here gives
 * a package that builds but does not start, which nothing else would catch without an Electron binary.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { getElectronVersion } from '@electron-forge/core-utils';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import forgeConfig from '../../forge.config';
import mainViteConfig from '../../vite.main.config';
import preloadViteConfig from '../../vite.preload.config';

const projectDir = path.resolve(import.meta.dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
  main?: string;
  type?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

function pluginOf<T>(type: abstract new (...args: never[]) => T): T {
  const plugin = forgeConfig.plugins?.find((candidate): candidate is T & (typeof forgeConfig.plugins)[number] => candidate instanceof type);
  if (plugin === undefined) throw new Error(`forge.config.ts has no ${type.name}`);
  return plugin;
}

function outputOf(config: typeof mainViteConfig) {
  const output = config.build?.rollupOptions?.output;
  if (output === undefined || Array.isArray(output)) throw new Error('expected one rollup output');
  return output;
}

describe('packaging', () => {
  it('packages an asar named Custodian, zipped', () => {
    expect(forgeConfig.packagerConfig).toMatchObject({ asar: true, name: 'Custodian', executableName: 'custodian' });
    expect(forgeConfig.makers?.map((maker) => (maker as { name?: string }).name)).toEqual(['zip']);
  });

  it('builds main and preload from src-main/electron, and the main_window renderer', () => {
    const vite = pluginOf(VitePlugin).config;
    expect(vite.build).toEqual([
      { entry: 'src-main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
      { entry: 'src-main/electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
    ]);
    expect(vite.renderer).toEqual([{ name: 'main_window', config: 'vite.renderer.config.ts' }]);
  });

  it('names the bundles .cjs, because package.json makes .js files ES modules', () => {
    expect(packageJson.type).toBe('module');
    expect(outputOf(mainViteConfig).entryFileNames).toBe('[name].cjs');
    expect(outputOf(mainViteConfig).chunkFileNames).toMatch(/\.cjs$/);
    expect(outputOf(preloadViteConfig).entryFileNames).toBe('[name].cjs');
  });

  it('starts the main bundle: package.json "main" is .vite/build/main.cjs', () => {
    expect(packageJson.main).toBe('.vite/build/main.cjs');
  });

  it('keeps electron optional, and shows it to Forge where Forge looks for the Electron version', async () => {
    // npm install must succeed where the binary cannot be had; Forge only looks in devDependencies.
    expect(packageJson.optionalDependencies).toHaveProperty('electron');
    expect(packageJson.devDependencies ?? {}).not.toHaveProperty('electron');
    const readPackageJson = forgeConfig.hooks?.readPackageJson;
    if (!readPackageJson) throw new Error('forge.config.ts has no readPackageJson hook');
    const seenByForge = (await readPackageJson(forgeConfig as never, structuredClone(packageJson))) as Record<string, unknown>;
    // Forge's own resolver, on Forge's view of package.json: it throws unless electron is found.
    const version = await getElectronVersion(projectDir, seenByForge);
    const installed = (JSON.parse(readFileSync(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    expect(version).toBe(installed);
  });

  it('keeps better-sqlite3 external to the bundle, and a run-time dependency so the package hook can copy it', () => {
    expect(mainViteConfig.build?.rollupOptions?.external).toEqual(expect.arrayContaining(['better-sqlite3', 'electron', 'node:path', 'fs']));
    expect(packageJson.dependencies).toHaveProperty('better-sqlite3');
    expect(forgeConfig.hooks?.packageAfterCopy).toBeTypeOf('function');
  });

  it('copies better-sqlite3 and its run-time dependencies into the package, without the locally built binary', async () => {
    const buildPath = mkdtempSync(path.join(tmpdir(), 'custodian-package-'));
    try {
      const hook = forgeConfig.hooks?.packageAfterCopy;
      if (hook === undefined) throw new Error('no packageAfterCopy hook');
      await hook(forgeConfig as never, buildPath, '40.0.0', 'linux', 'x64');
      const copied = readdirSync(path.join(buildPath, 'node_modules'));
      // What better-sqlite3 requires at run time (bindings finds the .node file), and prebuild-install, which lets
      // Forge's rebuild step download a prebuilt Electron binary instead of compiling.
      expect(copied).toEqual(expect.arrayContaining(['better-sqlite3', 'bindings', 'file-uri-to-path', 'prebuild-install']));
      // Only that closure: everything else is bundled by Vite.
      for (const bundled of ['zod', 'react', 'uuid', 'fastify', 'electron', 'vite']) expect(copied).not.toContain(bundled);
      const sqlite = path.join(buildPath, 'node_modules', 'better-sqlite3');
      expect(existsSync(path.join(sqlite, 'lib', 'database.js'))).toBe(true);
      expect(existsSync(path.join(sqlite, 'binding.gyp'))).toBe(true);
      // Built for the Node running the tests; Forge's rebuild step must build it for Electron instead.
      expect(existsSync(path.join(sqlite, 'build'))).toBe(false);
    } finally {
      rmSync(buildPath, { recursive: true, force: true });
    }
  });

  it("flips the fuses as Forge's template does", () => {
    expect(pluginOf(FusesPlugin).fusesConfig).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});
