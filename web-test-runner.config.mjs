/**
 * Browser tests (`*.browser.test.ts`) in Debian's Chromium, against the
 * packages' sources, with `/api/v1/*` served by a real Ticketry HTTP
 * handler in this process. Run with `npx web-test-runner`.
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { createApiMiddleware } from './packages/widget/test/api-middleware.mjs';
import { distGroups } from './packages/widget/test/dist-group.mjs';
import { createFormMiddleware } from './packages/widget/test/form-backend.mjs';
import { createGuardMiddleware } from './packages/widget/test/guard-backend.mjs';
import { loadBackend } from './packages/widget/test/load-backend.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const backend = await loadBackend();

export default {
  rootDir,
  files: ['packages/*/src/**/*.browser.test.ts'],
  // submit, tracking and a11y again against dist/ticket-widget.js.
  groups: distGroups({ root: rootDir }),
  nodeResolve: { exportConditions: ['@ticketry/source', 'browser', 'import'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    a11ySnapshotPlugin(),
  ],
  middleware: [
    createApiMiddleware(backend),
    createFormMiddleware(),
    createGuardMiddleware(),
  ],
  reporters: [defaultReporter(), countReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  coverageConfig: {
    reportDir: 'coverage/browser',
    include: ['packages/*/src/**'],
    exclude: ['**/*.test.ts', '**/node_modules/**'],
  },
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 120_000,
};
