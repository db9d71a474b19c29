import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Each file gets fresh module state; fixtures make their own temp dirs and in-memory stores.
    isolate: true,
    restoreMocks: true,
  },
});
