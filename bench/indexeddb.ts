/**
 * IndexedDB adapter: lifecycle commands through the desk on the
 * adapter beside idb by hand doing the same read, version check and
 * write, and bulk import beside idb putting the same rows, measured in
 * Chromium (a page on a disk-backed profile, driven by playwright-core).
 * Without Chromium it runs the same code in Node on fake-indexeddb and
 * says so: those figures say nothing about a browser.
 */
import { cpus, loadavg } from 'node:os';
import { CHROME, hasChromium, inChromium } from './indexeddb-chromium.ts';
import type { PageParams, PageSamples, SampleKind } from './indexeddb-page.ts';
import type { BenchSection, BenchSectionRun } from './types.ts';
import { figure } from './util.ts';

const params = (quick: boolean): PageParams =>
  quick
    ? { workingSet: 100, commands: 150, importBatch: 1000, repeats: 3 }
    : { workingSet: 500, commands: 600, importBatch: 5000, repeats: 9 };

async function inNode(p: PageParams) {
  // A specifier in a variable: the package's exports carry no types.
  const shim = 'fake-indexeddb/auto';
  await import(shim);
  const { measureIndexedDb } = await import('./indexeddb-page.ts');
  return measureIndexedDb(p);
}

/** "2.9 ms (browser 1.9, renderer 1.0)": Chromium's CPU per operation. */
function cpuText(samples: PageSamples, kind: SampleKind): string | null {
  const cpu = samples.cpu[kind];
  const repeats = samples[kind].length;
  if (!cpu || repeats === 0) return null;
  const parts = Object.entries(cpu)
    .map(([type, ms]) => [type, ms / repeats] as const)
    .filter(([, ms]) => ms >= 0.005)
    .sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const each = parts.map(([type, ms]) => `${type} ${ms.toFixed(2)}`);
  return `${total.toFixed(2)} ms (${each.join(', ')})`;
}

function cpuNote(samples: PageSamples): string | null {
  const of = (kind: SampleKind) => cpuText(samples, kind);
  if (!of('lifecycle')) return null;
  return `Chromium's CPU per operation, all its processes (the IndexedDB backend runs in the browser process), mean over the repeats: a desk command ${of('lifecycle')}, the raw baseline's command ${of('raw')}, in two transactions ${of('rawTwo')}; an imported ticket ${of('imports')}, by hand ${of('rawImports')}, without indexes ${of('bareImports')}. Each command costs about the same in Chromium whoever sends it, so the raw baseline bounds what any adapter can reach here.`;
}

export const run: BenchSectionRun = async (ctx) => {
  const p = params(ctx.quick);
  const browser = hasChromium();
  const loadBefore = loadavg()[0]!;
  if (browser) ctx.progress('measuring in Chromium');
  const samples = browser
    ? await inChromium<PageParams, PageSamples>(
        './indexeddb-page.ts',
        'measureIndexedDb',
        p,
      )
    : await inNode(p);
  const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores`;
  const where = browser ? 'Chromium' : 'Node, fake-indexeddb';
  const judged = <T>(target: T) => (browser ? target : undefined);
  const raw = {
    name: `idb by hand, same read/check/write in one transaction (${where})`,
    samples: samples.raw,
  };
  const section: BenchSection = {
    title: 'IndexedDB adapter',
    figures: [
      figure({
        name: `lifecycle commands through the desk (${where})`,
        unit: 'ops/s',
        samples: samples.lifecycle,
        baseline: raw,
        target: judged({
          kind: 'ratio-at-least',
          ratio: 0.75,
          text: '≥ 500/s and ≥ 0.75 of raw idb',
        }),
        atLeast: browser ? 500 : undefined,
      }),
      figure({
        name: `idb by hand, a read then a read-write transaction that checks again (${where})`,
        unit: 'ops/s',
        samples: samples.rawTwo,
        baseline: raw,
      }),
      figure({
        name: `lifecycle commands, durability 'strict' (${where})`,
        unit: 'ops/s',
        samples: samples.strict,
        baseline: raw,
      }),
      figure({
        name: `bulk import, importTickets (${where})`,
        unit: 'tickets/s',
        samples: samples.imports,
        baseline: {
          name: `idb by hand, the same rows in one transaction (${where})`,
          samples: samples.rawImports,
        },
        target: judged({
          kind: 'at-least',
          value: 5000,
          text: '≥ 5,000 tickets/s',
        }),
      }),
      figure({
        name: `the same rows into stores without indexes, idb by hand (${where})`,
        unit: 'tickets/s',
        samples: samples.bareImports,
      }),
    ],
    notes: [
      browser
        ? `Measured in ${CHROME} (headless, a disk-backed profile; incognito would keep IndexedDB in memory), the adapter and its baselines interleaved repeat by repeat, the order turning each repeat, all command batches before the imports (an import leaves LevelDB work behind that would fall on the next batch). Chromium's own CPU time is not in the process time above. Every request is a round trip to Chromium's storage process, so the figures follow the machine's load (1-minute load average ${load}); the ratios hold up better than the absolute rates.`
        : `No Chromium at ${CHROME}: these figures come from fake-indexeddb in Node and say nothing about browser speed; targets are not judged.`,
      `A lifecycle command is one desk command by the system actor (triage, note and update in turn over ${p.workingSet} tickets). The desk reads the ticket and commits ticket and event; the adapter reads in a read-write transaction and, as the desk commits in the same turn, writes into it: one transaction per command (packages/adapters/src/indexeddb/held-reads.ts). The baseline does the same with idb by hand on the same schema (13 ticket indexes): get, version check, put of the ticket with the same changes as the desk's command, add of a like event, in one read-write transaction, without the desk. The next figure is idb by hand the way the adapter did it before: a read-only get, then a read-write transaction whose writes go out with a second get that guards them.`,
      "durability 'default' lets Chromium choose (relaxed since Chromium 121); 'strict' waits for the disk on every commit and is shown for comparison.",
      `Bulk import writes ${p.importBatch} tickets with one event each per importTickets call, in one transaction, validation included. The rows without indexes show what the browser allows for the same data on this machine; the gap between the two is the cost of the 13 ticket and 2 event indexes that lists and the feed need.`,
      cpuNote(samples),
      "The page bundles the desk with a stand-in for node:crypto, which core's desk/secrets.ts imports; lifecycle commands never hash.",
    ].filter((note): note is string => note !== null),
  };
  return section;
};
