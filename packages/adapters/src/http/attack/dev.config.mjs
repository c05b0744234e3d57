import { defineConfig } from 'vitest/config';
export default defineConfig({
  root: '/work/main',
  resolve: { conditions: ['@ticketry/source'] },
  ssr: { resolve: { conditions: ['@ticketry/source'] } },
  test: {
    include: ['packages/adapters/src/http/attack/*.e2e.test.ts'],
    testTimeout: 600_000,
  },
});
