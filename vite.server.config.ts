import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Builds the central API as a Node program (dist/server/server.js), like the web shell: the migrations in db/central
 * are bundled with import.meta.glob, so the built server never reads SQL from disk and runs exactly what was tested.
 * Dependencies (fastify, pg, PGlite, argon2) stay in node_modules; only our own code is bundled.
 * scripts/server.mjs builds it when any input is newer than the output.
 */
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: 'src-server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'server.js' } },
  },
  logLevel: 'warn',
});
