const ALLOW_HEADERS =
  'authorization, content-type, idempotency-key, if-match, last-event-id, ticketry-captcha, x-ticketry-site';
const EXPOSE_HEADERS =
  'etag, idempotent-replayed, location, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';

function checkOrigin(origin: string): void {
  if (origin === '*') return;
  let parsed: URL | null = null;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = null;
  }
  if (parsed?.origin !== origin) {
    throw new TypeError(
      `allowedOrigins: ${JSON.stringify(origin)} is not an origin like https://help.example.com`,
    );
  }
}

/** Throws a TypeError for an entry that is neither `'*'` nor an origin. */
export function checkOrigins(origins: readonly string[]): void {
  origins.forEach(checkOrigin);
}

/**
 * The `Access-Control-Allow-Origin` value for `origin` under an
 * allow-list: the origin itself when listed, `'*'` when the list holds
 * `'*'`, else null (no CORS headers: the browser keeps the answer from
 * the page).
 */
export function allowedOrigin(
  origin: string | null,
  origins: readonly string[],
): string | null {
  if (!origin) return null;
  if (origins.includes('*')) return '*';
  return origins.includes(origin) ? origin : null;
}

/**
 * CORS for an allow-list of origins. A listed origin is echoed back;
 * `'*'` allows any origin, which is safe because the API never sends
 * `Access-Control-Allow-Credentials` (never `*` with credentials):
 * callers authenticate with an Authorization header, not cookies.
 * `decorate` and `preflight` take another list per call, for servers
 * whose sites each have their own origins (checked with
 * {@link checkOrigins} when configured).
 */
export function createCors(allowedOrigins: readonly string[]) {
  checkOrigins(allowedOrigins);

  return {
    /** Adds the CORS headers a listed origin needs to read `response`. */
    decorate(
      response: Response,
      origin: string | null,
      origins: readonly string[] = allowedOrigins,
    ): Response {
      if (origins.length && !origins.includes('*')) {
        response.headers.append('vary', 'Origin');
      }
      // Headers authenticate, never cookies: no route may allow credentials.
      response.headers.delete('access-control-allow-credentials');
      const allow = allowedOrigin(origin, origins);
      if (!allow) return response;
      response.headers.set('access-control-allow-origin', allow);
      response.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
      return response;
    },

    /** The answer to a preflight for a path served with `methods`. */
    preflight(
      request: Request,
      methods: readonly string[],
      origins: readonly string[] = allowedOrigins,
    ): Response {
      const headers = new Headers({ allow: methods.join(', ') });
      const allow = allowedOrigin(request.headers.get('origin'), origins);
      const asked = request.headers.get('access-control-request-method');
      if (allow && asked) {
        headers.set('access-control-allow-origin', allow);
        headers.set('access-control-allow-methods', methods.join(', '));
        headers.set('access-control-allow-headers', ALLOW_HEADERS);
        headers.set('access-control-max-age', '600');
      }
      return new Response(null, { status: 204, headers });
    },
  };
}
