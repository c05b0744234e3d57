const ALLOW_HEADERS =
  'authorization, content-type, idempotency-key, if-match, last-event-id';
const EXPOSE_HEADERS = 'etag, idempotent-replayed, location';

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

/**
 * CORS for an allow-list of origins. A listed origin is echoed back;
 * `'*'` allows any origin, which is safe because the API never sends
 * `Access-Control-Allow-Credentials`: callers authenticate with an
 * Authorization header, not cookies.
 */
export function createCors(allowedOrigins: readonly string[]) {
  allowedOrigins.forEach(checkOrigin);
  const anyOrigin = allowedOrigins.includes('*');
  const listed = new Set(allowedOrigins);

  const allowed = (origin: string | null): string | null => {
    if (!origin) return null;
    if (anyOrigin) return '*';
    return listed.has(origin) ? origin : null;
  };

  return {
    /** Adds the CORS headers a listed origin needs to read `response`. */
    decorate(response: Response, origin: string | null): Response {
      if (listed.size && !anyOrigin) response.headers.append('vary', 'Origin');
      const allow = allowed(origin);
      if (!allow) return response;
      response.headers.set('access-control-allow-origin', allow);
      response.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
      return response;
    },

    /** The answer to a preflight for a path served with `methods`. */
    preflight(request: Request, methods: readonly string[]): Response {
      const headers = new Headers({ allow: methods.join(', ') });
      const allow = allowed(request.headers.get('origin'));
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
