import { TicketryError } from '@ticketry/core';
import * as z from 'zod';
import {
  clientAddressOf,
  type RequestInfo,
  type TrustProxy,
} from './client-address.js';
import {
  type BucketState,
  createMemoryRateLimitStore,
  type RateLimitStore,
  type RateRule,
} from './rate-limit.js';

/** The separate budgets: each class of request has its own buckets. */
export type LimitClass = 'submit' | 'read' | 'write' | 'authFailure';

/** Whom a bucket counts: the whole site, one address, one requester. */
export type LimitScope = 'site' | 'address' | 'requester';

/** Rules per class and scope; `false` turns one bucket off. */
export type RateRules = {
  [C in LimitClass]?: { [S in LimitScope]?: RateRule | false };
};

const MINUTE = 60_000;

/**
 * The budgets used when none are given. `submit` is `POST /tickets` and
 * `POST /attachments`; `read` is GET and HEAD; `write` every other
 * POST; `authFailure` counts answers of 401 to requests that carried a
 * credential, and once spent refuses requests with credentials.
 */
export const DEFAULT_RATE_RULES: Required<{
  [C in LimitClass]: { [S in LimitScope]: RateRule | false };
}> = {
  submit: {
    site: { limit: 300, windowMs: MINUTE },
    address: { limit: 30, windowMs: 10 * MINUTE },
    requester: { limit: 10, windowMs: 10 * MINUTE },
  },
  read: {
    site: { limit: 12_000, windowMs: MINUTE },
    address: { limit: 600, windowMs: MINUTE },
    requester: { limit: 300, windowMs: MINUTE },
  },
  write: {
    site: { limit: 3_000, windowMs: MINUTE },
    address: { limit: 120, windowMs: MINUTE },
    requester: { limit: 60, windowMs: MINUTE },
  },
  authFailure: {
    site: false,
    address: { limit: 30, windowMs: 10 * MINUTE },
    requester: false,
  },
};

/** Options of the `rateLimit` handler option. */
export interface RateLimitOptions {
  /** Where buckets live. @default createMemoryRateLimitStore() */
  store?: RateLimitStore;
  /** Budgets that replace the defaults, per class and scope. */
  rules?: RateRules;
  /** Milliseconds since the epoch; tests pass a fake clock. @default Date.now */
  now?: () => number;
}

const ruleSchema = z.union([
  z.literal(false),
  z.object({
    limit: z.int().positive(),
    windowMs: z.int().positive(),
  }),
]);
const scopesSchema = z.strictObject({
  site: ruleSchema.optional(),
  address: ruleSchema.optional(),
  requester: ruleSchema.optional(),
});
const optionsSchema = z.object({
  store: z.optional(
    z.custom<RateLimitStore>(
      (s) => typeof (s as RateLimitStore)?.take === 'function',
    ),
  ),
  rules: z
    .strictObject({
      submit: scopesSchema.optional(),
      read: scopesSchema.optional(),
      write: scopesSchema.optional(),
      authFailure: scopesSchema.optional(),
    })
    .optional(),
  now: z.optional(z.custom<() => number>((f) => typeof f === 'function')),
});

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

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The `RateLimit-*` headers of a bucket (the separate-field form:
 * `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` in
 * seconds), and `Retry-After` when it refused.
 */
export function rateLimitHeaders(state: BucketState): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(Math.max(0, state.remaining)),
    'ratelimit-reset': String(Math.ceil(state.resetMs / 1000)),
  };
  if (!state.allowed)
    headers['retry-after'] = String(seconds(state.retryAfterMs));
  return headers;
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
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new TypeError(
      `createHttpHandler: rateLimit.${issue.path.join('.')}: ${issue.message}`,
    );
  }
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
