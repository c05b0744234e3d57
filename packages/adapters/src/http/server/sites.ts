import { shown } from '@ticketry/core';
import type { RequestInfo } from './client-address.js';
import { createCors } from './cors.js';
import {
  createHttpHandler,
  type HttpHandler,
  type HttpHandlerOptions,
} from './handler.js';
import { problem } from './respond.js';
import { createRouter } from './router.js';
import { ROUTES } from './routes.js';

/** The header that names a site when the path does not. */
export const SITE_HEADER = 'x-ticketry-site';

const KEY = /^[\w-]{1,128}$/;

/** One site of {@link createMultiSiteHandler}: a desk and its own rules. */
export interface SiteOptions extends Omit<HttpHandlerOptions, 'basePath'> {
  /** The site's id; its desk's `siteId` must be the same. */
  id: string;
  /**
   * The key the widget sends to name the site: in the path
   * (`/api/v1/sites/<key>/…`) or the `X-Ticketry-Site` header. It is
   * public, like the widget's snippet: it picks the site, it proves
   * nothing. 1–128 of `A–Z a–z 0–9 _ -`.
   */
  publicKey: string;
}

/** Options of {@link createMultiSiteHandler}. */
export interface MultiSiteOptions {
  sites: SiteOptions[];
  /** Where the API is mounted; sites live under `<basePath>/sites/<key>`. @default '/api/v1' */
  basePath?: string;
}

function secretsOf(site: SiteOptions): string[] {
  const secret = site.identity?.secret;
  return secret === undefined ? [] : [secret].flat();
}

function checkSites(sites: readonly SiteOptions[]): void {
  const fail = (message: string) => {
    throw new TypeError(`createMultiSiteHandler: ${message}`);
  };
  if (!Array.isArray(sites) || sites.length === 0) fail('`sites` is empty');
  const seen = { id: new Set(), key: new Set(), desk: new Set() };
  const secrets = new Set<string>();
  for (const site of sites) {
    if (!KEY.test(site?.publicKey ?? '')) {
      fail(`site ${site?.id}: publicKey must be 1–128 of A–Z a–z 0–9 _ -`);
    }
    if (site.desk?.siteId !== site.id) {
      fail(`site ${site.id}: its desk serves site ${site.desk?.siteId}`);
    }
    for (const [kind, value] of [
      ['id', site.id],
      ['key', site.publicKey],
      ['desk', site.desk],
    ] as const) {
      if (seen[kind].has(value)) fail(`two sites share one ${kind}`);
      seen[kind].add(value);
    }
    for (const secret of secretsOf(site)) {
      if (secrets.has(secret)) fail('two sites share an identity secret');
      secrets.add(secret);
    }
  }
}

/** Every allowed origin of any site, for preflights that name no site. */
function unionOrigins(sites: readonly SiteOptions[]): string[] {
  const all = new Set(sites.flatMap((s) => s.allowedOrigins ?? []));
  return all.has('*') ? ['*'] : [...all];
}

/** The same request at another URL, body and abort signal kept. */
function movedTo(request: Request, url: URL): Request {
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    ...(request.body && { duplex: 'half' }),
  } as RequestInit);
}

/**
 * Serves several sites from one server, each with its own desk (its own
 * `siteId`, so one store can hold them all), key, allowed origins,
 * identity secrets, form and limits: a site's tokens, keys, sessions and
 * identities are refused on every other site.
 *
 * A request names its site in the path, `<basePath>/sites/<publicKey>/…`,
 * or with the `X-Ticketry-Site: <publicKey>` header on `<basePath>/…`.
 * Both at once must agree (else 400); an unknown key is 404; naming no
 * site is 400. Prefer the path in browsers: a CORS preflight carries no
 * header values, so a preflight that names no site is answered for the
 * origins of all sites, while every real answer carries CORS headers
 * for its own site's origins only.
 *
 * @example
 * const handler = createMultiSiteHandler({
 *   sites: [
 *     { id: 'acme', publicKey: 'pk_acme', desk: acmeDesk,
 *       allowedOrigins: ['https://acme.example'] },
 *     { id: 'globex', publicKey: 'pk_globex', desk: globexDesk,
 *       allowedOrigins: ['https://globex.example'] },
 *   ],
 * });
 */
export function createMultiSiteHandler(options: MultiSiteOptions): HttpHandler {
  const { sites } = options;
  checkSites(sites);
  const basePath = options.basePath ?? '/api/v1';
  const handlers = new Map<string, HttpHandler>();
  for (const { id: _, publicKey, ...site } of sites) {
    const sitePath = `${basePath}/sites/${publicKey}`;
    handlers.set(publicKey, createHttpHandler({ ...site, basePath: sitePath }));
  }
  const cors = createCors(unionOrigins(sites));
  const route = createRouter(ROUTES);
  const prefix = `${basePath}/sites/`;

  function preflight(request: Request, path: string): Response {
    const match = route('OPTIONS', path.slice(basePath.length));
    if (match.kind !== 'method') {
      return problem(404, 'NOT_FOUND', `no route ${shown(path)}`);
    }
    return cors.preflight(request, match.allow);
  }

  return async (request: Request, info?: RequestInfo) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const named = request.headers.get(SITE_HEADER);
    if (path.startsWith(prefix)) {
      const key = path.slice(prefix.length).split('/')[0]!;
      if (named !== null && named !== key) {
        return problem(
          400,
          'MALFORMED_REQUEST',
          `${SITE_HEADER} names another site than the path`,
        );
      }
      const handler = handlers.get(key);
      if (!handler) return problem(404, 'NOT_FOUND', `no site ${shown(key)}`);
      return handler(request, info);
    }
    if (!path.startsWith(`${basePath}/`)) {
      return problem(404, 'NOT_FOUND', `no route ${shown(path)}`);
    }
    if (named === null) {
      if (request.method.toUpperCase() === 'OPTIONS') {
        return preflight(request, path);
      }
      return problem(
        400,
        'MALFORMED_REQUEST',
        `name the site: ${SITE_HEADER}: <key>, or ${prefix}<key>/…`,
      );
    }
    const handler = handlers.get(named);
    if (!handler) return problem(404, 'NOT_FOUND', `no site ${shown(named)}`);
    url.pathname = `${prefix}${named}${path.slice(basePath.length)}`;
    return handler(movedTo(request, url), info);
  };
}
