import { createRequire } from 'node:module';
import { build, type InlineConfig } from 'vite';
import { VitePlugin } from '@electron-forge/plugin-vite';
import forgeConfig from '../../forge.config';

const require = createRequire(import.meta.url);

interface ViteConfigGeneratorInstance {
  getBuildConfigs(): Promise<InlineConfig[]>;
  getRendererConfig(): Promise<InlineConfig[]>;
}
type ViteConfigGeneratorClass = new (pluginConfig: unknown, projectDir: string, isProd: boolean) => ViteConfigGeneratorInstance;

/**
 * Builds `.vite/` exactly as `electron-forge package` does (main, preload and renderer, production mode), without
 * packaging: the configs come from Forge's own generator applied to the VitePlugin settings in forge.config.ts, so
 * the test runs the same bundles a release would. (`electron-forge start` builds the same main and preload, but
 * serves the renderer from the dev server instead.)
 *
 * The generator is not part of the plugin's public API; it is reached by path, and pinned by the lockfile.
 */
export async function buildForgeViteBundles(projectDir: string): Promise<void> {
  const plugin = forgeConfig.plugins?.find((candidate): candidate is VitePlugin => candidate instanceof VitePlugin);
  if (plugin === undefined) throw new Error('forge.config.ts has no VitePlugin');
  const { default: ViteConfigGenerator } = require('@electron-forge/plugin-vite/dist/ViteConfig') as {
    default: ViteConfigGeneratorClass;
  };
  const generator = new ViteConfigGenerator(plugin.config, projectDir, true);
  const configs = [...(await generator.getBuildConfigs()), ...(await generator.getRendererConfig())];
  for (const config of configs) {
    await build({ configFile: false, logLevel: 'warn', ...config });
  }
}
