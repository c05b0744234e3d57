// `npm test`: every runner in turn (unit and adapter tests in vitest, the
// widget in Chromium with @web/test-runner, the end-to-end run), then one
// closing line `N passed, N failed` summed over all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChrome } from './ensure-chrome.mjs';

const out = mkdtempSync(join(tmpdir(), 'ticketry-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(label, command, args, env = {}) {
  console.log(`\n== ${label} ==`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function vitest(label, config, file) {
  const report = join(out, file);
  const status = run(label, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
    if (status !== 0 && json.numFailedTests === 0) {
      console.error(
        `${label}: exited ${status} with no failed test (an error outside the tests, or a file that did not load: see above); counted as one failure`,
      );
      broken = true;
    }
  } catch {
    console.error(`${label}: no report; counting the run as failed`);
    broken = true;
  }
}

function browser(chrome) {
  const report = join(out, 'browser.json');
  const status = run('browser tests (Chromium)', 'npx', ['web-test-runner'], {
    CHROME_PATH: chrome,
    TICKETRY_WTR_REPORT: report,
  });
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.passed;
    totals.failed += json.failed;
    totals.skipped += json.skipped;
    if (status !== 0 && json.failed === 0) {
      console.error(
        `browser tests: exited ${status} with no failed test; counted as one failure`,
      );
      broken = true;
    }
  } catch {
    console.error('browser tests: no report; counting the run as failed');
    broken = true;
  }
}

/** A check that passes or fails as a whole, counted as one test. */
function gate(label, command, args) {
  const status = run(label, command, args);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
}

gate('lint and format (Biome)', 'npx', ['biome', 'check', '.']);
vitest('unit and adapter tests', 'vitest.config.ts', 'unit.json');
let chrome = null;
try {
  chrome = ensureChrome();
} catch (error) {
  console.error(error.message);
  broken = true;
}
if (chrome) {
  browser(chrome);
  process.env.CHROME_PATH = chrome;
  vitest(
    'end-to-end (demo server + Chromium)',
    'vitest.e2e.config.ts',
    'e2e.json',
  );
}
// tsc resolves packages through the source condition, so it needs no build.
gate('type check (strict TypeScript)', 'npx', [
  'tsc',
  '-p',
  'tsconfig.json',
  '--noEmit',
]);

// A runner that broke outside its tests counts as one failure, so the
// closing line never says 0 failed on a red run.
if (broken) totals.failed += 1;
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed` +
    (totals.skipped ? `, ${totals.skipped} skipped` : ''),
);
process.exit(totals.failed > 0 ? 1 : 0);
