/**
 * The pages bench/widget.ts measures: one host page (an intranet
 * article) bare, with the tiny launcher, with the whole widget inline,
 * and with the whole widget in launcher mode; the bundles built by the
 * widget's own `build:bundle` script into a temporary folder; and the
 * real Ticketry HTTP API over a memory desk at /api/v1. All on
 * 127.0.0.1, nothing cached. Nothing here prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHttpHandler, serveNode } from '@ticketry/adapters/http/server';
import { createDesk, createMemoryStore } from '@ticketry/core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The page variants, each a script and a tag added to the same page. */
export const VARIANTS = {
  baseline: { script: null, tag: null },
  launcher: {
    script: '/ticket-launcher.js',
    tag: '<ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>',
  },
  inline: {
    script: '/ticket-widget.js',
    tag: '<ticket-widget endpoint="/api/v1"></ticket-widget>',
  },
  fullLauncher: {
    script: '/ticket-widget.js',
    tag: '<ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>',
  },
} as const;

export type Variant = keyof typeof VARIANTS;

/** A file as shipped: bytes, and gzip at the level servers use (6). */
export interface Shipped {
  bytes: number;
  gzip: number;
}

const paragraph =
  'The service desk answers on working days from eight to six. Laptops, ' +
  'phones and badges are handed out at the east entrance; bring your ' +
  'employee number. Planned changes are announced a week ahead here.';

function hostPage(variant: Variant): string {
  const { script, tag } = VARIANTS[variant];
  const sections = Array.from(
    { length: 12 },
    (_, i) => `<h2>Section ${i + 1}</h2><p>${paragraph}</p><p>${paragraph}</p>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Intranet</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1rem}</style>
${script ? `<script type="module" src="${script}"></script>` : ''}
</head><body><main><h1>Acme intranet</h1>
${sections}
${tag ?? ''}
</main></body></html>`;
}

function buildBundles(): string {
  const out = mkdtempSync(join(tmpdir(), 'ticketry-widget-bench-'));
  const extra = [`--outdir=${out}`, `--metafile=${join(out, 'meta.json')}`];
  execFileSync(
    'npm',
    ['run', 'build:bundle', '-w', '@ticketry/widget', '--', ...extra],
    { cwd: root, stdio: 'pipe' },
  );
  return out;
}

/** What part of the code a bundled file belongs to. */
function partOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  if (pkg?.startsWith('@lit') || pkg?.startsWith('lit')) return 'Lit';
  if (pkg) return pkg;
  if (input.includes('/i18n/')) return 'widget: translations';
  if (input.includes('core/src/')) return '@ticketry/core/public';
  return 'widget: the rest';
}

interface Meta {
  outputs: Record<
    string,
    {
      inputs: Record<string, { bytesInOutput: number }>;
      imports: { path: string; kind: string }[];
    }
  >;
}

const readMeta = (dir: string): Meta =>
  JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The files a page in English loads for the whole widget:
 * `ticket-widget.js` and every chunk it imports statically, followed
 * through. Chunks behind a dynamic `import()` (the other languages,
 * features loaded on demand) are left out.
 */
function englishFiles(meta: Meta): string[] {
  const byName = new Map(
    Object.entries(meta.outputs).map(([path, out]) => [base(path), out]),
  );
  const seen = new Set(['ticket-widget.js']);
  for (const name of seen) {
    for (const dep of byName.get(name)?.imports ?? []) {
      if (dep.kind === 'import-statement') seen.add(base(dep.path));
    }
  }
  return [...seen];
}

/** Minified bytes of ticket-widget.js by part, largest first. */
function composition(meta: Meta): { label: string; value: number }[] {
  const [, output] = Object.entries(meta.outputs).find(([name]) =>
    name.endsWith('/ticket-widget.js'),
  )!;
  const parts = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const part = partOf(input);
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
  }
  return [...parts]
    .map(([label, value]) => ({ label, value: value / 1000 }))
    .sort((a, b) => b.value - a.value);
}

/**
 * Builds the bundles, starts the server and returns its address, the
 * shipped sizes and a way to stop.
 */
export async function startWidgetHost() {
  const dir = buildBundles();
  const meta = readMeta(dir);
  const files = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [`/${name}`, readFileSync(join(dir, name))]),
  );
  const size = (...names: string[]): Shipped => {
    let bytes = 0;
    let gzip = 0;
    for (const name of names) {
      const file = files.get(`/${name}`)!;
      bytes += file.length;
      gzip += gzipSync(file, { level: 6 }).length;
    }
    return { bytes, gzip };
  };
  const english = englishFiles(meta);
  const chunks = [...files.keys()]
    .map((path) => path.slice(1))
    .filter((name) => name.startsWith('ticket-widget-'));
  const languages = chunks.filter((name) =>
    /^ticket-widget-[a-z]{2}\.js$/.test(name),
  );
  const desk = createDesk({ store: createMemoryStore() });
  const api = createHttpHandler({ desk });
  const headers = (type: string) => ({
    'content-type': type,
    'cache-control': 'no-store',
  });
  const server = await serveNode(async (request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) return api(request);
    const file = files.get(url.pathname);
    if (file)
      return new Response(file, { headers: headers('text/javascript') });
    const variant = url.searchParams.get('page') as Variant | null;
    if (variant && variant in VARIANTS) {
      return new Response(hostPage(variant), { headers: headers('text/html') });
    }
    return new Response('not found', { status: 404 });
  });
  const parts = composition(meta);
  return {
    url: server.url,
    parts,
    /** The whole widget as an English page loads it, and what it skips. */
    english,
    lazy: chunks.filter((name) => !english.includes(name)),
    sizes: {
      launcher: size('ticket-launcher.js'),
      widget: size(...english),
      main: size('ticket-widget.js'),
      /** Every chunk, each language and feature loaded on demand. */
      chunks: size(...chunks),
      /** The features loaded on first use (assistant, suggestions, articles). */
      features: size(
        ...chunks.filter((n) => !english.includes(n) && !languages.includes(n)),
      ),
      /** The largest language chunk: what a page in it adds. */
      language: languages
        .map((name) => size(name))
        .reduce((a, b) => (b.gzip > a.gzip ? b : a), { bytes: 0, gzip: 0 }),
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
