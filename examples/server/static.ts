import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The policy the embed pages are sent with: the widget must run under
 * it with no violation (examples/embed/csp.e2e.test.ts).
 */
export const EMBED_CSP =
  "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/**
 * Every page of the demo: no other site may frame it (the console's
 * buttons act on tickets), and no page's address leaves in a Referer.
 */
export const PAGE_HEADERS = {
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const embed = (file: string) => join(here, '../embed', file);
const dist = (file: string) => join(here, '../../packages/widget/dist', file);

const FILES: Record<string, { path: string; type: string; csp?: true }> = {
  '/': {
    path: join(here, 'public/index.html'),
    type: HTML,
  },
  '/ticket-widget.js': {
    path: join(here, '../../packages/widget/dist/ticket-widget.js'),
    type: 'text/javascript; charset=utf-8',
  },
  // The license notices of what the bundle includes (Lit), named in it.
  '/ticket-widget.js.LEGAL.txt': {
    path: dist('ticket-widget.js.LEGAL.txt'),
    type: 'text/plain; charset=utf-8',
  },
  '/ticket-launcher.js': { path: dist('ticket-launcher.js'), type: JS },
  '/console': { path: join(here, 'public/console.html'), type: HTML },
  // The stand-in for a site's own reset page the assistant links to.
  '/password-reset.html': {
    path: join(here, 'public/password-reset.html'),
    type: HTML,
  },
  '/ticket-console.js': { path: dist('ticket-console.js'), type: JS },
  '/embed/': { path: embed('index.html'), type: HTML, csp: true },
  '/embed/inline.html': { path: embed('inline.html'), type: HTML, csp: true },
  '/embed/embed.css': { path: embed('embed.css'), type: 'text/css' },
};

/**
 * The widget's chunks (`ticket-widget-de.js`, …): the languages and
 * features it loads on demand from its own folder. Names are plain
 * module names, so nothing but these can match.
 */
const CHUNK = /^\/ticket-widget-([a-z][a-z0-9-]*)\.js$/;

/** The console's chunks (`ticket-console-dashboard.js`). */
const CONSOLE_CHUNK = /^\/ticket-console-([a-z][a-z0-9-]*)\.js$/;

function fileFor(pathname: string) {
  const chunk = CHUNK.exec(pathname);
  if (chunk) return { path: dist(`ticket-widget-${chunk[1]}.js`), type: JS };
  const part = CONSOLE_CHUNK.exec(pathname);
  if (part) return { path: dist(`ticket-console-${part[1]}.js`), type: JS };
  return FILES[pathname];
}

/**
 * Serves the demo page, the embed pages and the widget's files (the
 * bundle and its chunks); 404 for anything else.
 */
export function staticFiles() {
  return async (request: Request): Promise<Response> => {
    const file = fileFor(new URL(request.url).pathname);
    const head = request.method === 'HEAD';
    if (!file || !(head || request.method === 'GET')) {
      return new Response('not found', { status: 404 });
    }
    try {
      const bytes = await readFile(file.path);
      return new Response(head ? null : bytes, {
        headers: {
          'content-type': file.type,
          'content-length': String(bytes.byteLength),
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          ...(file.type === HTML && PAGE_HEADERS),
          'content-security-policy': file.csp
            ? EMBED_CSP
            : file.type === HTML
              ? "frame-ancestors 'none'"
              : "default-src 'none'",
        },
      });
    } catch {
      const { pathname } = new URL(request.url);
      if (CHUNK.test(pathname) || CONSOLE_CHUNK.test(pathname)) {
        return new Response('not found', { status: 404 });
      }
      const hint = 'run `npm run build` first: the widget bundle is missing';
      return new Response(hint, { status: 503 });
    }
  };
}
