// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.test-output/', '.prof/', '.scratch/', '.tmp-prof/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The domain is shared by the renderer, Electron main and the server: it must run anywhere.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is pure: no Electron.' },
            { name: 'better-sqlite3', message: 'src-shared is pure: stores live in src-main / src-server.' },
            { name: 'react', message: 'src-shared is pure: no UI.' },
            { name: 'react-dom', message: 'src-shared is pure: no DOM.' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'src-shared is pure: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src-shared is pure: no Node built-ins.' },
            { group: ['**/src-main/**', '**/src-renderer/**', '**/src-server/**'], message: 'src-shared depends on nothing else in the repo.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'src-shared is pure: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    // The renderer talks only to the typed bridge.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through the bridge.' },
            { name: 'better-sqlite3', message: 'The renderer reaches the store only through the bridge.' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node built-ins.' },
            { group: ['**/src-main/**', '**/src-server/**'], message: 'The renderer reaches main only through the bridge.' },
          ],
        },
      ],
    },
  },
  {
    // The central API shares only the domain with the desktop.
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The server depends only on src-shared.' },
            { name: 'better-sqlite3', message: 'The server depends only on src-shared.' },
            { name: 'react', message: 'The server depends only on src-shared.' },
          ],
          patterns: [{ group: ['**/src-main/**', '**/src-renderer/**'], message: 'The server depends only on src-shared.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
