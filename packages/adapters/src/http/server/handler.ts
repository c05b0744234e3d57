import { type Desk, LIMITS, TicketryError } from '@ticketry/core';
import { createCors } from './cors.js';
import { createOpenApiDocument } from './openapi.js';
import { errorResponse, internalError, problem } from './respond.js';
import type { RouteContext } from './route.js';
import { createRouter } from './router.js';
import { ROUTES } from './routes.js';

/**
 * Where the handler reports. One `info` line per request (method,
 * route pattern, status, duration; never query strings, headers or
 * bodies) and one `error` per unexpected failure.
 */
export interface HttpLogger {
  info?(message: string, fields: Record<string, unknown>): void;
  error?(message: string, fields: Record<string, unknown>): void;
}

/** Options of {@link createHttpHandler}. */
export interface HttpHandlerOptions {
  desk: Desk;
  /** Where the API is mounted. @default '/api/v1' */
  basePath?: string;
  /** Largest request body, in bytes. @default LIMITS.requestBytes */
  maxBodyBytes?: number;
  /** Origins allowed to call from a browser; `'*'` for any. @default [] */
  allowedOrigins?: string[];
  /** @default nothing is logged */
  logger?: HttpLogger;
  /** Milliseconds between SSE heartbeat comments. @default 15000 */
  heartbeatMs?: number;
}

/** A Web-standard request handler. */
export type HttpHandler = (request: Request) => Promise<Response>;

function checkOptions(options: HttpHandlerOptions): void {
  if (!options?.desk) {
    throw new TypeError('createHttpHandler: the `desk` option is required');
  }
  const { basePath, maxBodyBytes, heartbeatMs } = options;
  if (basePath !== undefined && !/^(\/[\w.~-]+)*$/.test(basePath)) {
    throw new TypeError(
      'createHttpHandler: `basePath` must look like /api/v1 (no trailing slash)',
    );
  }
  for (const [name, value] of [
    ['maxBodyBytes', maxBodyBytes],
    ['heartbeatMs', heartbeatMs],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
      throw new TypeError(
        `createHttpHandler: \`${name}\` must be a positive whole number`,
      );
    }
  }
}

/**
 * Serves a desk as the Ticketry JSON API: Web-standard Request in,
 * Response out, so it runs on Node (see `serveNode`), Deno, Bun and
 * edge runtimes alike. Bad input always gets a typed 4xx answer
 * `{ error: { code, message, issues? } }`; only an unexpected failure
 * is a 500, and its details go to the logger, never to the caller.
 *
 * @example
 * const desk = createDesk({ store: createMemoryStore() });
 * const handler = createHttpHandler({
 *   desk,
 *   allowedOrigins: ['https://intranet.example.com'],
 * });
 * const server = await serveNode(handler, { port: 8080 });
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  checkOptions(options);
  const { desk, logger } = options;
  const basePath = options.basePath ?? '/api/v1';
  const maxBodyBytes = options.maxBodyBytes ?? LIMITS.requestBytes;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const cors = createCors(options.allowedOrigins ?? []);
  const route = createRouter(ROUTES);
  let document: unknown;
  const openapi = () =>
    (document ??= createOpenApiDocument(ROUTES, { basePath }));

  async function dispatch(request: Request, url: URL, hit: { route?: string }) {
    const path = url.pathname;
    if (!path.startsWith(`${basePath}/`)) {
      return problem(404, 'NOT_FOUND', `no route ${path}`);
    }
    const method = request.method.toUpperCase();
    const match = route(method, path.slice(basePath.length));
    if (match.kind === 'none') {
      return problem(404, 'NOT_FOUND', `no route ${path}`);
    }
    if (match.kind === 'method') {
      if (method === 'OPTIONS') return cors.preflight(request, match.allow);
      return problem(
        405,
        'METHOD_NOT_ALLOWED',
        `${method} is not served here`,
        {
          headers: { allow: match.allow.join(', ') },
        },
      );
    }
    hit.route = `${match.route.method} ${match.route.path}`;
    const ctx: RouteContext = {
      desk,
      request,
      url,
      params: match.params,
      basePath,
      maxBodyBytes,
      heartbeatMs,
      openapi,
    };
    return match.route.handle(ctx);
  }

  return async (request: Request): Promise<Response> => {
    const started = Date.now();
    const hit: { route?: string } = {};
    let response: Response;
    try {
      response = await dispatch(request, new URL(request.url), hit);
    } catch (error) {
      if (error instanceof TicketryError) {
        response = errorResponse(error);
      } else {
        logger?.error?.('unexpected error', {
          route: hit.route ?? null,
          error,
        });
        response = internalError();
      }
    }
    logger?.info?.('request', {
      method: request.method,
      route: hit.route ?? null,
      status: response.status,
      ms: Date.now() - started,
    });
    return cors.decorate(response, request.headers.get('origin'));
  };
}
