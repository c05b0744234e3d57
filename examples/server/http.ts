import { serveNode } from '@ticketry/adapters/http/server';
import type { Logger } from './log.ts';

/** Options of {@link startHttp}. */
export interface HttpOptions {
  port: number;
  log: Logger;
  handle: (request: Request) => Promise<Response>;
}

/**
 * Serves a Web-standard handler on 127.0.0.1 and logs one line per
 * request: method, path (never the query, which may hold a token),
 * status and milliseconds.
 */
export async function startHttp({ port, log, handle }: HttpOptions) {
  return serveNode(
    async (request) => {
      const started = performance.now();
      const response = await handle(request);
      log.info('request', {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      });
      return response;
    },
    { port, host: '127.0.0.1' },
  );
}
