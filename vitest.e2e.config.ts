import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the demo server on loopback, driven through Chromium, and
 * adapter tests with real processes (the SQLite crash test).
 */
export default defineConfig({
  resolve: { conditions: ['@ticketry/source'] },
  ssr: { resolve: { conditions: ['@ticketry/source'] } },
  test: {
    include: ['examples/**/*.e2e.test.ts', 'packages/*/src/**/*.e2e.test.ts'],
    globalSetup: ['examples/e2e-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
