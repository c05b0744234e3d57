import * as z from 'zod';
import type { RateLimitStore, RateRule } from './rate-limit.js';

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

/** Throws a TypeError naming the first bad field of `options`. */
export function checkRateLimitOptions(options: RateLimitOptions): void {
  const checked = optionsSchema.safeParse(options);
  if (checked.success) return;
  const issue = checked.error.issues[0]!;
  throw new TypeError(
    `createHttpHandler: rateLimit.${issue.path.join('.')}: ${issue.message}`,
  );
}
