/**
 * The IndexedDB store in Chromium. The modules load first, one by one,
 * so a module that cannot run in a browser (a `node:` import, a test
 * runner pulled in at the top) fails one test that names it, instead
 * of the whole file failing to import with no reason given.
 */
import { mocha } from './mocha.js';

const modules: [string, () => Promise<unknown>][] = [
  ['@ticketry/core', () => import('@ticketry/core')],
  ['@ticketry/core/testing', () => import('@ticketry/core/testing')],
  ['@ticketry/adapters/indexeddb', () => import('./index.js')],
];

const broken: string[] = [];
for (const [name, load] of modules) {
  try {
    await load();
  } catch (error) {
    broken.push(`${name}: ${(error as Error).message}`);
  }
}

mocha.describe('the IndexedDB store in Chromium loads', () => {
  mocha.it('core, its conformance suite and the adapter in a browser', () => {
    if (broken.length > 0) {
      throw new Error(
        `these modules do not load in a browser; everything they import must be browser-safe (no node: modules, no vitest at the top):\n${broken.join('\n')}`,
      );
    }
  });
});

if (broken.length === 0) {
  const { registerChromiumTests } = await import('./chromium-suite.js');
  registerChromiumTests();
}
