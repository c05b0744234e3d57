import type { RequestInfo, TrustProxy } from './client-address.js';
import { checkHoneypot } from './honeypot.js';
import type { RateLimitOptions } from './rate-rules.js';
import { createRequestLimiter, type Gate } from './request-limiter.js';
import { createShapeCheck, type RequestShapeLimits } from './request-shape.js';
import type { SubmitScreen, VerifyHuman } from './submit-screen.js';

/** The handler's options against abuse, and for private logs. */
export interface GuardOptions extends RequestShapeLimits {
  /**
   * Token-bucket rate limits per site, client address and requester,
   * with separate budgets for submits, reads, other writes and failed
   * credentials: `true` or `{}` for the defaults, or your store and
   * rules. Over budget is 429 `RATE_LIMITED` with `Retry-After`.
   * @default off
   */
  rateLimit?: boolean | RateLimitOptions;
  /**
   * Proxies in front of the server whose `X-Forwarded-For` to believe:
   * `true` for one, a number for a chain. @default false: the socket's address
   */
  trustProxy?: TrustProxy;
  /**
   * The submission field that only bots fill. A submission with it set
   * gets a 201 that looks real and stores nothing. `false` turns it off.
   * @default 'website'
   */
  honeypot?: string | false;
  /**
   * Asked on each `POST /tickets` not sent with an agent key; a no is
   * 403 `CAPTCHA_FAILED` and nothing is stored. @default none
   */
  verifyHuman?: VerifyHuman;
  /**
   * Logs in full: error messages, addresses, ticket text. For a
   * developer's machine only. @default false: every line is redacted
   */
  debug?: boolean;
}

function checkTrust(trust: unknown): TrustProxy | undefined {
  if (trust === undefined || typeof trust === 'boolean') return trust;
  if (Number.isSafeInteger(trust) && (trust as number) >= 0) {
    return trust as number;
  }
  throw new TypeError(
    'createHttpHandler: `trustProxy` must be true, false or a number of proxies',
  );
}

/**
 * What runs before routing (the request's shape, then rate limits) and
 * inside the submit route (see `screenSubmission`).
 */
export function createGuard(options: GuardOptions) {
  const shape = createShapeCheck(options);
  const trust = checkTrust(options.trustProxy);
  if (options.verifyHuman && typeof options.verifyHuman !== 'function') {
    throw new TypeError('createHttpHandler: `verifyHuman` must be a function');
  }
  const { rateLimit } = options;
  const limiter = rateLimit
    ? createRequestLimiter(rateLimit === true ? {} : rateLimit, trust)
    : null;
  const screen: SubmitScreen = {
    honeypot: checkHoneypot(options.honeypot),
    verifyHuman: options.verifyHuman,
    limitRequester: limiter ? limiter.requester : undefined,
  };

  return {
    screen,
    /**
     * Throws for a request that is too big in its head (414, 431) or
     * over a rate limit (429); else the gate that finishes its answer.
     */
    async admit(
      request: Request,
      url: URL,
      info: RequestInfo | undefined,
      route: { basePath: string; site: string },
    ): Promise<Gate | null> {
      shape(request, url);
      if (!limiter) return null;
      const path = url.pathname.startsWith(`${route.basePath}/`)
        ? url.pathname.slice(route.basePath.length)
        : url.pathname;
      return limiter.admit(request, path, url, info, route.site);
    },
  };
}
