import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/**
 * Main-process build. Forge's Vite plugin supplies the entry (src-main/electron/main.ts), lib mode, CommonJS output
 * into .vite/build, and the MAIN_WINDOW_VITE_* defines; this file only adds what Custodian needs on top.
 *
 * Output is `main.cjs`, not Forge's default `main.js`: package.json has "type": "module", so Node (and Electron)
 * would load a `.js` file as an ES module and the CommonJS bundle would fail on its first `require`.
 * package.json "main" must therefore be ".vite/build/main.cjs".
 *
 * Everything else (zod, uuid, src-shared, the SQL migrations imported with import.meta.glob) is bundled, because
 * the packaged app contains only .vite/ — apart from the native module, which forge.config.ts copies in.
 */
export const nodeExternals = ['electron', 'electron/main', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Native modules: they load a compiled .node file at run time, so they cannot be bundled. forge.config.ts copies
 * exactly these (with their dependencies) into the package, so the two lists cannot drift apart.
 */
export const nativeExternals = ['better-sqlite3'];

export default defineConfig({
  build: {
    rollupOptions: {
      external: [...nativeExternals, ...nodeExternals],
      onwarn(warning, warn) {
        // zod places explanatory comments where Rollup expects only /* @__PURE__ */ annotations; Rollup drops them
        // and the output is unaffected (the same filter as vite.renderer.config.ts).
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
      output: {
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
      },
    },
  },
});
