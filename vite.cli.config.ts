import { defineConfig } from 'vite';

/**
 * Builds the command line (`npm run cli`) as a Node program, dist/cli/cli.js. Built, not run through a TypeScript
 * loader, for the same reason as the web shell: the store's migrations are bundled with import.meta.glob, so the CLI
 * opens and migrates a store exactly as the app does. Packages (better-sqlite3, exceljs, papaparse) stay external.
 */
export default defineConfig({
  build: {
    ssr: 'src-main/cli/cli.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js' } },
  },
  logLevel: 'warn',
});
