/**
 * `node --conditions=@ticketry/source --import tsx bench/indexeddb-profile.ts
 *   [--quick] [--only command,import,chunks] [--batch N] [--rounds N]`
 *
 * Prints where an IndexedDB command and an import spend their time in
 * Chromium (bench/indexeddb-profile-page.ts), as milliseconds per
 * operation. A tool for bench/profiles.md, not a section of
 * `npm run bench`.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { hasChromium, inChromium } from './indexeddb-chromium.ts';
import type { ProfileParams, ProfileRow } from './indexeddb-profile-page.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    batch: { type: 'string' },
    rounds: { type: 'string' },
  },
});
const p: ProfileParams = values.quick
  ? { ops: 100, batch: 1000, rounds: 3 }
  : { ops: 300, batch: 3000, rounds: 5 };
if (values.batch) p.batch = Number(values.batch);
if (values.rounds) p.rounds = Number(values.rounds);
if (values.only) p.only = values.only.split(',') as ProfileParams['only'];

if (!hasChromium()) throw new Error('no Chromium: set CHROME_PATH');
const before = loadavg()[0]!.toFixed(1);
const rows = await inChromium<ProfileParams, ProfileRow[]>(
  './indexeddb-profile-page.ts',
  'profileIndexedDb',
  p,
);
for (const r of rows) {
  const value = r.group === 'size' ? String(r.ms) : `${r.ms.toFixed(3)} ms`;
  console.log(`${r.group.padEnd(8)} ${r.name.padEnd(52)} ${value}`);
}
console.log(`load average ${before} before, ${loadavg()[0]!.toFixed(1)} after`);
