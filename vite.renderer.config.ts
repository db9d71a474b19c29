import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './src-shared/security/csp';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The React renderer. Deliberately no @vitejs/plugin-react: its Fast Refresh preamble is an inline <script>, which
 * the CSP (`script-src 'self'`) forbids. esbuild's automatic JSX runtime is all React needs.
 */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  build: {
    outDir: '../.vite/renderer/main_window',
    emptyOutDir: true,
    // One bundle, loaded from local disk (app:// or the loopback web shell): no network to split it for. React,
    // zod, react-hook-form and TanStack come to a little over 500 kB minified.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod places explanatory comments where Rollup expects only /* @__PURE__ */ annotations; Rollup drops
        // them and the output is unaffected. Not ours to fix, so not worth a line on every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  esbuild: {
    jsx: 'automatic',
  },
  server: {
    headers: {
      'Content-Security-Policy': contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }),
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // The project root, so `node_modules/govuk-frontend/…` resolves: MOJ Frontend configures GOV.UK Frontend
        // through that exact path, and both must load the same module for its settings to apply once.
        loadPaths: [projectRoot],
        // Deprecation warnings from govuk-frontend and MOJ Frontend are theirs to fix, not ours.
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin'],
      },
    },
  },
});
