import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Builds the command-line tools (`npm run demo`, `npm run bench`) as Node programs in dist/tools/. Built, not run
 * through a TypeScript loader, for the same reason as the web shell: the store's migrations are bundled with
 * import.meta.glob, so the tools open and migrate stores exactly as the app does. Packages stay external (SSR).
 */
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: true,
    outDir: 'dist/tools',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        demo: 'src-main/tools/demo.ts',
        bench: 'src-main/tools/bench.ts',
        // The benchmark's central API runs in a worker thread from its own bundle (bench/first-sync/first-sync-e2e.ts).
        'first-sync-central': 'src-main/tools/bench/first-sync/central-worker.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  logLevel: 'warn',
});
