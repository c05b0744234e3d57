/**
 * Runs a function of a bench module inside a Chromium page: bundles the
 * module with esbuild, serves it on 127.0.0.1, opens it in headless
 * Chromium on a disk-backed profile (driven by playwright-core) and
 * returns what the function resolved to. Used by bench/indexeddb.ts
 * and bench/indexeddb-profile.ts. Nothing here prints.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';

/** The Chromium the bench drives: CHROME_PATH or Debian's. */
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Whether that Chromium is installed. */
export const hasChromium = () => existsSync(CHROME);

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

async function bundle(file: string, exported: string): Promise<string> {
  const entry = fileURLToPath(new URL(file, import.meta.url));
  const result = await build({
    stdin: {
      contents: `import { ${exported} } from ${JSON.stringify(entry)};\nglobalThis.${exported} = ${exported};`,
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

/** CPU milliseconds used so far, by Chromium process type. */
export type CpuByProcess = Record<string, number>;

const TICK_MS = 10;

function processTable() {
  const table: { pid: number; ppid: number; cpu: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
        cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8'),
      });
    } catch {
      // the process ended while the table was read
    }
  }
  return table;
}

/** CPU time of the Chromium started on `profile` and its children. */
export function chromiumCpu(profile: string): CpuByProcess {
  const table = processTable();
  const root = table.find(
    (p) => p.cmd.includes(profile) && !p.cmd.includes('--type='),
  );
  const out: CpuByProcess = {};
  if (!root) return out;
  const family = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  for (const p of table) {
    if (!family.has(p.pid)) continue;
    const type = /--type=([a-z-]+)/.exec(p.cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=([\w.]+)/.exec(p.cmd)?.[1];
    const key = sub ? `${type} ${sub}` : type;
    out[key] = (out[key] ?? 0) + p.cpu;
  }
  return out;
}

/**
 * Calls `exported(args)` of `./file` (relative to bench/) in a fresh
 * Chromium page and resolves with its result. The page may call
 * `globalThis.chromiumCpu()` to learn the CPU time Chromium's
 * processes have used so far (Linux only).
 */
export async function inChromium<A, R>(
  file: string,
  exported: string,
  args: A,
): Promise<R> {
  const script = await bundle(file, exported);
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
    await context.exposeBinding('chromiumCpu', () => chromiumCpu(profile));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction((name) => name in globalThis, exported);
    return (await page.evaluate(
      ([name, a]) =>
        (globalThis as unknown as Record<string, (x: unknown) => unknown>)[
          name as string
        ]!(a),
      [exported, args] as const,
    )) as R;
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
