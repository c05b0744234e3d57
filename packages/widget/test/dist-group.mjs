/**
 * The `dist` group of web-test-runner: a representative subset of the
 * widget's browser tests run a second time against the production
 * bundle (`dist/ticket-widget.js`, minified, with its chunks) instead of
 * the sources. The test files stay the same: an import map in the group's
 * page points their `import '../define.js'` at the bundle.
 *
 * The group runs with a plain `npx web-test-runner` (and so in
 * `npm test`) and with `--group dist`; a run narrowed to some files
 * (`npx web-test-runner "<glob>"`) leaves it out. Before it runs, the
 * bundle is built, so it never tests a stale one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tests that run against the bundle too: submit, track, a11y, assistant, kb. */
export const DIST_FILES = [
  'packages/widget/src/ticket-widget/submit.browser.test.ts',
  'packages/widget/src/ticket-widget/tracking.browser.test.ts',
  // Accept, reject and rate: the tracking views' forms, from the bundle.
  'packages/widget/src/ticket-widget/actions.browser.test.ts',
  // Files with a reply: the picker, uploads and the reply, from the bundle.
  'packages/widget/src/ticket-widget/reply-files.browser.test.ts',
  'packages/widget/src/ticket-widget/a11y.browser.test.ts',
  'packages/widget/src/ticket-widget/keyboard.browser.test.ts',
  'packages/widget/src/ticket-widget/assistant.browser.test.ts',
  // Suggested answers: their chunk, loaded after typing, from the bundle.
  'packages/widget/src/ticket-widget/suggestions.browser.test.ts',
  // The article view: a chunk the suggestions chunk loads, from the bundle.
  'packages/widget/src/ticket-widget/article.browser.test.ts',
];

const BUNDLE = '/packages/widget/dist/ticket-widget.js';

/** Where the tests import the element from, as the dev server serves it. */
const SOURCE_ENTRIES = [
  '/packages/widget/src/define.ts',
  '/packages/widget/src/define.js',
];

/** CLI flags of web-test-runner that take a value. */
const VALUE_FLAGS = new Set([
  '--root-dir',
  '--concurrent-browsers',
  '--concurrency',
  '--config',
  '--port',
  '--groups',
  '--group',
  '--browsers',
  '--esbuild-target',
]);

/** The value of `--group`, and whether test files were named. */
function readArgs(argv) {
  let group = null;
  let files = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--group=')) group = arg.slice('--group='.length);
    else if (arg === '--files' || arg.startsWith('--files=')) files = true;
    else if (VALUE_FLAGS.has(arg)) {
      if (arg === '--group') group = argv[i + 1] ?? null;
      i++;
    } else if (!arg.startsWith('-')) files = true;
  }
  return { group, files };
}

/** The page of a dist session: the import map, then the test framework. */
function distPage(framework) {
  const imports = Object.fromEntries(SOURCE_ENTRIES.map((s) => [s, BUNDLE]));
  return `<!DOCTYPE html><html><head>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script>window.TICKETRY_BUILD = 'dist';</script>
</head><body><script type="module" src="${framework}"></script></body></html>`;
}

/** Tag names of the agents' console, which requesters never download. */
export const CONSOLE_TAGS = ['ticket-console', 'ticket-console-dashboard'];

/**
 * Strings only the assistant's chunk (`ticket-widget-assistant-panel.js`)
 * has: its API path and its style sheet. The main file loads that chunk
 * when the assistant opens, and must not carry it.
 */
export const ASSISTANT_MARKERS = ['/assistant/messages', '.assistant .log'];

/** Strings only the suggestions' chunk holds. */
export const SUGGESTIONS_MARKERS = ['/kb/suggest', '/kb/deflections'];

/**
 * Throws when the requester bundle holds any of the console's tag names
 * or chunk names (console and chart code stay in `ticket-console.js`),
 * or the assistant's code (it stays in its chunk).
 *
 * @param {string} file the built `ticket-widget.js`
 */
export function checkWidgetBundle(file) {
  const text = readFileSync(file, 'utf8');
  const found = CONSOLE_TAGS.filter((tag) => text.includes(tag));
  if (found.length) {
    throw new Error(`${file} holds console code: ${found.join(', ')}`);
  }
  const asking = ASSISTANT_MARKERS.filter((m) => text.includes(m));
  if (asking.length) {
    throw new Error(`${file} holds assistant code: ${asking.join(', ')}`);
  }
  const suggesting = SUGGESTIONS_MARKERS.filter((m) => text.includes(m));
  if (suggesting.length) {
    throw new Error(`${file} holds suggestions code: ${suggesting.join(', ')}`);
  }
}

/**
 * The dist group, or none when this run leaves it out. Builds the
 * bundle (`npm run build:bundle -w @ticketry/widget`) when it runs.
 *
 * @param {{ root: string, argv?: string[] }} options
 */
export function distGroups({ root, argv = process.argv.slice(2) }) {
  const { group, files } = readArgs(argv);
  const wanted = group === 'dist' || (group === null && !files);
  if (!wanted) return [];
  execFileSync('npm', ['run', 'build:bundle', '-w', '@ticketry/widget'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  checkWidgetBundle(join(root, 'packages/widget/dist/ticket-widget.js'));
  return [{ name: 'dist', files: DIST_FILES, testRunnerHtml: distPage }];
}
