import { TicketryError } from '@ticketry/core';
import {
  clientAddressOf,
  type RequestInfo,
  type TrustProxy,
} from './client-address.js';
import {
  type BucketState,
  createMemoryRateLimitStore,
  type RateRule,
  rateLimitHeaders,
  seconds,
} from './rate-limit.js';
import {
  checkRateLimitOptions,
  DEFAULT_RATE_RULES,
  type LimitClass,
  type LimitScope,
  type RateLimitOptions,
} from './rate-rules.js';

const NOUNS: Record<LimitClass, string> = {
  submit: 'submissions',
  read: 'reads',
  write: 'changes',
  authFailure: 'failed sign-ins',
};
const WHOSE: Record<LimitScope, string> = {
  site: 'for this help desk',
  address: 'from this address',
  requester: 'for this requester',
};

interface Check {
  key: string;
  rule: RateRule;
  label: string;
}

async function digest(value: string): Promise<string> {
  const bytes = new TextEncoder().encode(value);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return btoa(String.fromCharCode(...hash.subarray(0, 16)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function refuse(states: { state: BucketState; label: string }[]): never {
  const worst = states
    .filter((s) => !s.state.allowed)
    .reduce((a, b) => (b.state.retryAfterMs > a.state.retryAfterMs ? b : a));
  const wait = seconds(worst.state.retryAfterMs);
  throw new TicketryError(
    'RATE_LIMITED',
    `too many ${worst.label}; try again in ${wait} s`,
    { details: { rateLimit: worst.state } },
  );
}

/** The tightest bucket of those a request took from, for its headers. */
function tightest(states: BucketState[]): BucketState | undefined {
  return states.reduce<BucketState | undefined>((a, b) => {
    if (!a) return b;
    const left = (s: BucketState) => s.remaining / s.limit;
    return left(b) < left(a) ? b : a;
  }, undefined);
}

/** A request's credential, header or query, whatever its shape. */
function credentialOf(request: Request, url: URL): string | null {
  const header = request.headers.get('authorization');
  return header?.trim() || url.searchParams.get('access_token') || null;
}

function classOf(method: string, path: string): LimitClass | null {
  if (method === 'OPTIONS') return null;
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (method === 'POST' && (path === '/tickets' || path === '/attachments')) {
    return 'submit';
  }
  return 'write';
}

/** What the handler does around one request. */
export interface Gate {
  /** Counts a failed credential and adds the `RateLimit-*` headers. */
  settle(response: Response): Promise<Response>;
}

/**
 * Rate limits for the HTTP handler: token buckets per site, client
 * address and requester, with separate budgets per class of request.
 * `admit` refuses a request over any budget with 429 `RATE_LIMITED`
 * (and `Retry-After`) before it is served; a refused request costs
 * nothing, so a client over its own budget cannot drain the site's.
 */
export function createRequestLimiter(
  options: RateLimitOptions,
  trustProxy?: TrustProxy,
) {
  checkRateLimitOptions(options);
  const store = options.store ?? createMemoryRateLimitStore();
  const now = options.now ?? Date.now;
  const rules = (c: LimitClass, s: LimitScope) =>
    options.rules?.[c]?.[s] ?? DEFAULT_RATE_RULES[c][s];

  async function check(
    c: LimitClass,
    scope: LimitScope,
    site: string,
    value: string | null,
  ): Promise<Check | null> {
    const rule = rules(c, scope);
    if (!rule || value === null) return null;
    const key = `${c}:${scope}:${await digest(`${site}\n${value}`)}`;
    return { key, rule, label: `${NOUNS[c]} ${WHOSE[scope]}` };
  }

  const take = (checks: Check[], at: number, cost: number) =>
    Promise.all(
      checks.map(async (c) => ({
        label: c.label,
        state: await store.take(c.key, c.rule, at, cost),
      })),
    );

  const present = (list: (Check | null)[]) =>
    list.filter((c): c is Check => c !== null);

  return {
    /** Refuses (throws RATE_LIMITED) or lets a request through. */
    async admit(
      request: Request,
      path: string,
      url: URL,
      info: RequestInfo | undefined,
      site: string,
    ): Promise<Gate | null> {
      const c = classOf(request.method.toUpperCase(), path);
      if (!c) return null;
      const address = clientAddressOf(request, info, trustProxy);
      const credential = credentialOf(request, url);
      const budget = present([
        await check(c, 'site', site, site),
        await check(c, 'address', site, address),
        await check(c, 'requester', site, credential),
      ]);
      const failures = credential
        ? present([
            await check('authFailure', 'site', site, site),
            await check('authFailure', 'address', site, address),
          ])
        : [];
      const at = now();
      const looks = await take([...budget, ...failures], at, 0);
      if (looks.some((l) => !l.state.allowed)) refuse(looks);
      const taken = await take(budget, at, 1);
      if (taken.some((t) => !t.state.allowed)) refuse(taken);
      const shown = tightest(taken.map((t) => t.state));
      return {
        async settle(response) {
          if (response.status === 401 && failures.length) {
            // A store failure here costs one count, not the answer.
            await take(failures, now(), 1).catch(() => {});
          }
          if (!shown || response.status === 429) return response;
          for (const [name, value] of Object.entries(rateLimitHeaders(shown))) {
            response.headers.set(name, value);
          }
          return response;
        },
      };
    },

    /** Counts a submission against its requester (by email) too. */
    async requester(site: string, email: string): Promise<void> {
      const one = await check('submit', 'requester', site, email.toLowerCase());
      if (!one) return;
      const [taken] = await take([one], now(), 1);
      if (!taken!.state.allowed) refuse([taken!]);
    },
  };
}

/** The limiter the handler holds. */
export type RequestLimiter = ReturnType<typeof createRequestLimiter>;
