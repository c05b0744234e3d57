import {
  type Desk,
  type FormInput,
  LIMITS,
  shown,
  TicketryError,
} from '@ticketry/core';
import type { AttachmentStore } from './attachments/store.js';
import { checkIdentityBearer } from './auth.js';
import type { RequestInfo } from './client-address.js';
import { createCors } from './cors.js';
import { checkAttachments, loadForm } from './form-routes.js';
import { createGuard, type GuardOptions } from './guard.js';
import { createIdentityVerifier, type IdentityOptions } from './identity.js';
import { createOpenApiDocument } from './openapi.js';
import { redactingLogger } from './redact.js';
import type { Gate } from './request-limiter.js';
import { errorResponse, internalError, problem } from './respond.js';
import type { Access, RouteContext } from './route.js';
import { createRouter } from './router.js';
import { ROUTES } from './routes.js';
import type { HttpServices } from './services.js';

/**
 * Where the handler reports. One `info` line per request (method,
 * route pattern, status, duration; never query strings, headers or
 * bodies) and one `error` per unexpected failure.
 */
export interface HttpLogger {
  info?(message: string, fields: Record<string, unknown>): void;
  error?(message: string, fields: Record<string, unknown>): void;
}

/**
 * Options of {@link createHttpHandler}. Rate limits, the honeypot, the
 * CAPTCHA hook, head limits and `debug` logging are in {@link GuardOptions}.
 */
export interface HttpHandlerOptions extends GuardOptions {
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
  /**
   * Accept identity tokens (`tki_…`) that the host site signs with this
   * shared secret (see `signIdentity`). @default identity tokens are refused
   */
  identity?: IdentityOptions;
  /**
   * The submission form: custom fields and attachment rules, checked
   * here with `formSchema` and served at `GET /form`. Set, `POST
   * /tickets` validates with `submissionSchemaFor(form)`.
   * @default none: custom fields are not checked against a form
   */
  form?: FormInput;
  /** Where uploads go; required when the form allows attachments. */
  attachmentStore?: AttachmentStore;
  /**
   * Mail intake, routing, automation, metrics and the other optional
   * services whose routes are served when set. @default none
   */
  services?: HttpServices;
}

/** Routes no identity may call: a bad identity token is a 401 there too. */
const NO_IDENTITY = new Set<Access>(['agent', 'supervisor', 'session']);

/** Whether every `%` of a path starts a valid UTF-8 sequence. */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The answer to HEAD: the GET answer's status and headers, no body. */
function withoutBody(response: Response): Response {
  void response.body?.cancel().catch(() => {});
  return new Response(null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * A Web-standard request handler. `info.clientAddress` (filled by
 * `serveNode`) is the peer's address, for per-address rate limits.
 */
export type HttpHandler = (
  request: Request,
  info?: RequestInfo,
) => Promise<Response>;

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
  const { desk } = options;
  const logger = redactingLogger(options.logger, options.debug);
  const guard = createGuard(options);
  const basePath = options.basePath ?? '/api/v1';
  const maxBodyBytes = options.maxBodyBytes ?? LIMITS.requestBytes;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const cors = createCors(options.allowedOrigins ?? []);
  const identity =
    options.identity &&
    createIdentityVerifier(options.identity, desk.siteId, () =>
      desk.clock.now(),
    );
  const form = loadForm(options.form);
  const attachments = checkAttachments(form, options.attachmentStore);
  const route = createRouter(ROUTES);
  let document: unknown;
  const openapi = () =>
    (document ??= createOpenApiDocument(ROUTES, { basePath }));

  async function dispatch(request: Request, url: URL, hit: { route?: string }) {
    const path = url.pathname;
    if (!decodable(path)) {
      return problem(
        400,
        'MALFORMED_REQUEST',
        `the path ${shown(path)} has a broken percent-encoding: each % must be followed by two hex digits, and together they must spell UTF-8`,
      );
    }
    if (!path.startsWith(`${basePath}/`)) {
      return problem(404, 'NOT_FOUND', `no route ${shown(path)}`);
    }
    const method = request.method.toUpperCase();
    const match = route(method, path.slice(basePath.length));
    if (match.kind === 'none') {
      return problem(404, 'NOT_FOUND', `no route ${shown(path)}`);
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
    if (NO_IDENTITY.has(match.route.access)) {
      await checkIdentityBearer(request, identity);
    }
    const ctx: RouteContext = {
      desk,
      request,
      url,
      params: match.params,
      basePath,
      maxBodyBytes,
      heartbeatMs,
      identity,
      openapi,
      form,
      attachments,
      screen: guard.screen,
      services: options.services ?? {},
    };
    return match.route.handle(ctx);
  }

  return async (request: Request, info?: RequestInfo): Promise<Response> => {
    const started = Date.now();
    const hit: { route?: string } = {};
    let response: Response;
    let gate: Gate | null = null;
    try {
      const url = new URL(request.url);
      const site = desk.siteId;
      gate = await guard.admit(request, url, info, { basePath, site });
      response = await dispatch(request, url, hit);
    } catch (error) {
      if (error instanceof TicketryError) {
        if (error.status >= 500) {
          logger?.error?.('server error', { route: hit.route ?? null, error });
        }
        response = errorResponse(error);
      } else {
        logger?.error?.('unexpected error', {
          route: hit.route ?? null,
          error,
        });
        response = internalError();
      }
    }
    if (gate) response = await gate.settle(response);
    logger?.info?.('request', {
      method: request.method,
      route: hit.route ?? null,
      status: response.status,
      ms: Date.now() - started,
    });
    if (request.method.toUpperCase() === 'HEAD')
      response = withoutBody(response);
    return cors.decorate(response, request.headers.get('origin'));
  };
}
