/**
 * IndexedDB adapter: lifecycle commands through the desk on the
 * adapter beside idb by hand doing the same read, version check and
 * write, and bulk import beside idb putting the same rows, measured in
 * Chromium (a page on a disk-backed profile, driven by playwright-core).
 * Without Chromium it runs the same code in Node on fake-indexeddb and
 * says so: those figures say nothing about a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import type { PageParams, PageSamples } from './indexeddb-page.ts';
import type { BenchContext, BenchSection, BenchSectionRun } from './types.ts';
import { figure } from './util.ts';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const params = (quick: boolean): PageParams =>
  quick
    ? { workingSet: 100, commands: 150, importBatch: 1000, repeats: 3 }
    : { workingSet: 500, commands: 600, importBatch: 5000, repeats: 9 };

// The page bundles the desk, and core's desk/secrets.ts imports
// node:crypto at the top. Lifecycle commands never hash, so the page
// gets a stand-in that throws if anything does.
const nodeCryptoStandIn: Plugin = {
  name: 'node-crypto-stand-in',
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, () => ({
      path: 'crypto',
      namespace: 'stand-in',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: ['hash', 'createHash', 'randomBytes', 'randomUUID']
        .map(
          (name) =>
            `export function ${name}() { throw new Error('node:crypto.${name} is not in the bench page'); }`,
        )
        .join('\n'),
    }));
  },
};

async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('./indexeddb-page.ts', import.meta.url));
  const result = await build({
    stdin: {
      contents: `import { measureIndexedDb } from ${JSON.stringify(entry)};\nglobalThis.measureIndexedDb = measureIndexedDb;`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@ticketry/source'],
    plugins: [nodeCryptoStandIn],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function inChromium(p: PageParams, ctx: BenchContext) {
  const script = await bundle();
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  // A persistent profile: incognito contexts keep IndexedDB in memory.
  const profile = mkdtempSync(join(tmpdir(), 'ticketry-bench-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    args: FLAGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'measureIndexedDb' in globalThis);
    ctx.progress('measuring in Chromium');
    return await page.evaluate(
      (args) =>
        (
          globalThis as unknown as {
            measureIndexedDb(a: PageParams): Promise<PageSamples>;
          }
        ).measureIndexedDb(args),
      p,
    );
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function inNode(p: PageParams) {
  // A specifier in a variable: the package's exports carry no types.
  const shim = 'fake-indexeddb/auto';
  await import(shim);
  const { measureIndexedDb } = await import('./indexeddb-page.ts');
  return measureIndexedDb(p);
}

export const run: BenchSectionRun = async (ctx) => {
  const p = params(ctx.quick);
  const browser = existsSync(CHROME);
  const loadBefore = loadavg()[0]!;
  const samples = browser ? await inChromium(p, ctx) : await inNode(p);
  const load = `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores`;
  const where = browser ? 'Chromium' : 'Node, fake-indexeddb';
  const judged = <T>(target: T) => (browser ? target : undefined);
  const raw = {
    name: `idb by hand, same read/check/write (${where})`,
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
        ? `Measured in ${CHROME} (headless, a disk-backed profile; incognito would keep IndexedDB in memory), the adapter and its baseline interleaved repeat by repeat. Chromium's own CPU time is not in the process time above. Every request is a round trip to Chromium's storage process, so the figures follow the machine's load (1-minute load average ${load}); the ratios hold up better than the absolute rates.`
        : `No Chromium at ${CHROME}: these figures come from fake-indexeddb in Node and say nothing about browser speed; targets are not judged.`,
      `A lifecycle command is one desk command by the system actor (triage, note and update in turn over ${p.workingSet} tickets): the desk reads the ticket in one transaction, then commits ticket and event in a read-write transaction that checks the version. The baseline does the same two transactions with idb by hand, on the same schema (13 ticket indexes), with the same pipelining (the writes go out with the read that guards them), without the desk.`,
      "durability 'default' lets Chromium choose (relaxed since Chromium 121); 'strict' waits for the disk on every commit and is shown for comparison.",
      `Bulk import writes ${p.importBatch} tickets with one event each per importTickets call, in one transaction, validation included. The rows without indexes show what the browser allows for the same data on this machine; the gap between the two is the cost of the 13 ticket and 2 event indexes that lists and the feed need.`,
      "The page bundles the desk with a stand-in for node:crypto, which core's desk/secrets.ts imports; lifecycle commands never hash.",
    ],
  };
  return section;
};
