import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const FILES: Record<string, { path: string; type: string }> = {
  '/': {
    path: join(here, 'public/index.html'),
    type: 'text/html; charset=utf-8',
  },
  '/ticket-widget.js': {
    path: join(here, '../../packages/widget/dist/ticket-widget.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** Serves the demo page and the widget bundle; 404 for anything else. */
export function staticFiles() {
  return async (request: Request): Promise<Response> => {
    const file = FILES[new URL(request.url).pathname];
    if (!file || request.method !== 'GET') {
      return new Response('not found', { status: 404 });
    }
    try {
      return new Response(await readFile(file.path), {
        headers: {
          'content-type': file.type,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      const hint = 'run `npm run build` first: the widget bundle is missing';
      return new Response(hint, { status: 503 });
    }
  };
}
