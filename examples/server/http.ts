import { type RequestInfo, serveNode } from '@ticketry/adapters/http/server';
import { shown } from '@ticketry/core';
import type { Logger } from './log.ts';

/** Options of {@link startHttp}. */
export interface HttpOptions {
  port: number;
  log: Logger;
  handle: (request: Request, info?: RequestInfo) => Promise<Response>;
}

/**
 * Serves a Web-standard handler on 127.0.0.1 and logs one line per
 * request: method, path (never the query, which may hold a token; cut
 * at 120 characters, and the logger takes out addresses), status and
 * milliseconds.
 */
export async function startHttp({ port, log, handle }: HttpOptions) {
  return serveNode(
    async (request, info) => {
      const started = performance.now();
      const response = await handle(request, info);
      log.info('request', {
        method: request.method,
        path: shown(new URL(request.url).pathname, 120),
        status: response.status,
        ms: Math.round(performance.now() - started),
      });
      return response;
    },
    { port, host: '127.0.0.1' },
  );
}
