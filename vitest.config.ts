import { defineConfig } from 'vitest/config';

/** Unit, adapter and example tests in Node, against the packages' sources. */
export default defineConfig({
  resolve: { conditions: ['@ticketry/source'] },
  ssr: { resolve: { conditions: ['@ticketry/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      '**/*.browser.test.ts',
      '**/*.e2e.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: {
      reportsDirectory: 'coverage/unit',
      include: ['packages/*/src/**'],
    },
  },
});
