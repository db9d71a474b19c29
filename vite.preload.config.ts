import { defineConfig, type Plugin } from 'vite';
import { nodeExternals } from './vite.main.config';

/** What a sandboxed preload can `require` at run time. */
const SANDBOX_MODULES = new Set(['electron', 'electron/renderer']);

/**
 * Fails the build if the preload bundle would `require` anything a sandboxed preload cannot load, instead of
 * letting the window open without its bridge and an error only in the renderer's console.
 */
function sandboxedPreloadImportsOnly(): Plugin {
  return {
    name: 'custodian:sandboxed-preload-imports-only',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const forbidden = output.imports.filter((name) => !SANDBOX_MODULES.has(name));
        if (forbidden.length > 0) {
          this.error(`The sandboxed preload can only require 'electron', but ${output.fileName} requires: ${forbidden.join(', ')}`);
        }
      }
    },
  };
}

/**
 * Preload build. Forge's Vite plugin supplies the input (src-main/electron/preload.ts), CommonJS format and a
 * single inlined chunk. `electron` (and Node's built-ins, which the guard above then rejects by name) stay
 * external; everything else it imports, such as the IPC channel name from src-shared, is bundled in.
 *
 * Named `preload.cjs` to match main.cjs: a sandboxed preload ignores "type": "module", but an unsandboxed one would
 * not, and main refers to it by this name.
 */
export default defineConfig({
  plugins: [sandboxedPreloadImportsOnly()],
  build: {
    rollupOptions: {
      external: [...SANDBOX_MODULES, ...nodeExternals],
      output: {
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
      },
    },
  },
});
