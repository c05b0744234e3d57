// One-off: TBT of the widget bundle before (/tmp/wb0, zod inside) and after (/tmp/wb2), same run, interleaved.
import { readFileSync, readdirSync } from 'node:fs';
import { createHttpHandler, serveNode } from '@ticketry/adapters/http/server';
import { createDesk, createMemoryStore } from '@ticketry/core';
import { launch, samplePage } from '../widget-browser.ts';

const dirs = { old: '/tmp/wb0', new: process.argv[2] ?? '/tmp/wb2' } as Record<string, string>;
const files = new Map<string, Buffer>();
for (const [k, d] of Object.entries(dirs)) for (const n of readdirSync(d)) if (n.endsWith('.js')) files.set(`/${k}/${n}`, readFileSync(`${d}/${n}`));
const p = 'The service desk answers on working days from eight to six. Laptops, phones and badges are handed out at the east entrance; bring your employee number. Planned changes are announced a week ahead here.';
const page = (script: string | null, tag: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Intranet</title><link rel="icon" href="data:,"><style>body{margin:0;font:16px/1.5 system-ui,sans-serif} main{max-width:46rem;margin:0 auto;padding:1rem}</style>${script ? `<script type="module" src="${script}"></script>` : ''}</head><body><main><h1>Acme intranet</h1>${Array.from({ length: 12 }, (_, i) => `<h2>Section ${i + 1}</h2><p>${p}</p><p>${p}</p>`).join('\n')}${tag}</main></body></html>`;
const api = createHttpHandler({ desk: createDesk({ store: createMemoryStore() }) });
const h = (t: string) => ({ 'content-type': t, 'cache-control': 'no-store' });
const server = await serveNode(async (req) => {
  const url = new URL(req.url);
  if (url.pathname.startsWith('/api/')) return api(req);
  const f = files.get(url.pathname);
  if (f) return new Response(f, { headers: h('text/javascript') });
  const v = url.searchParams.get('page');
  const inline = '<ticket-widget endpoint="/api/v1"></ticket-widget>';
  const launcher = '<ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>';
  if (v === 'baseline') return new Response(page(null, ''), { headers: h('text/html') });
  if (v === 'inline') return new Response(page('ticket-widget.js', inline), { headers: h('text/html') });
  if (v === 'fullLauncher') return new Response(page('ticket-widget.js', launcher), { headers: h('text/html') });
  return new Response('nf', { status: 404 });
});
const browser = await launch();
const rows: Record<string, number[]> = {};
const repeats = Number(process.argv[3] ?? 9);
for (let i = 0; i < repeats; i++) {
  const base = (await samplePage(browser, `${server.url}/old`, 'baseline')).tbt;
  for (const k of ['old', 'new']) for (const v of ['inline', 'fullLauncher'] as const) {
    const s = await samplePage(browser, `${server.url}/${k}`, v);
    (rows[`${k} ${v}`] ??= []).push(s.tbt - base);
  }
  (rows.baseline ??= []).push(base);
}
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const [k, v] of Object.entries(rows)) console.log(k.padEnd(18), 'median', med(v), 'all', JSON.stringify(v));
await browser.close(); await server.close();
