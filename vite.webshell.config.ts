import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Builds the loopback web shell as a Node program (dist/web/cli.js; scripts/build-web.mjs adds the renderer beside it). It is built, not run through a TS loader,
 * because the store's migrations are bundled with import.meta.glob exactly as in the Electron main build.
 */
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'src-main/webshell/cli.ts',
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js' } },
  },
  logLevel: 'warn',
});
