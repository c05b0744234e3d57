/**
 * A rule of one token bucket: it holds at most `limit` tokens (the
 * burst) and refills `limit` tokens per `windowMs`, evenly, so a client
 * that keeps to the average never waits.
 */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** A bucket as stored: its tokens at `at` (ms), and when it is full again. */
export interface BucketEntry {
  tokens: number;
  at: number;
  fullAt: number;
}

/** What taking from a bucket decided. */
export interface BucketState {
  /** The tokens were there (for a look with cost 0: one token is). */
  allowed: boolean;
  limit: number;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
  /** Milliseconds until the refused take would pass; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Where buckets live. `take` must be atomic per key: with several
 * processes, a shared store (Redis, see the README) runs the same
 * arithmetic as {@link takeTokens} in one step on the server.
 */
export interface RateLimitStore {
  /**
   * Takes `cost` tokens from the bucket `key` at `now` (ms since the
   * epoch); cost 0 only looks. A refused take leaves the bucket as it was.
   */
  take(
    key: string,
    rule: RateRule,
    now: number,
    cost: number,
  ): BucketState | Promise<BucketState>;
}

/**
 * The token-bucket arithmetic: refills `entry` (absent means full) up
 * to `now`, takes `cost` tokens when there are enough (at least one for
 * a look), and returns the decision and the entry to store.
 */
export function takeTokens(
  entry: BucketEntry | undefined,
  rule: RateRule,
  now: number,
  cost: number,
): { state: BucketState; entry: BucketEntry } {
  const { limit, windowMs } = rule;
  const perMs = limit / windowMs;
  const elapsed = entry ? Math.max(0, now - entry.at) : 0;
  let tokens = entry ? Math.min(limit, entry.tokens + elapsed * perMs) : limit;
  const need = Math.max(cost, 1);
  const allowed = tokens >= need;
  if (allowed) tokens -= cost;
  const resetMs = Math.ceil((limit - tokens) / perMs);
  return {
    state: {
      allowed,
      limit,
      remaining: Math.floor(tokens),
      resetMs,
      retryAfterMs: allowed ? 0 : Math.ceil((need - tokens) / perMs),
    },
    entry: { tokens, at: now, fullAt: now + resetMs },
  };
}

/** Options of {@link createMemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /**
   * Most buckets kept. Past it the least recently used go first; idle
   * buckets (full again) are dropped as soon as they are seen.
   * @default 10000
   */
  maxKeys?: number;
}

/** The in-memory store: synchronous, with its size for tests and metrics. */
export interface MemoryRateLimitStore extends RateLimitStore {
  take(key: string, rule: RateRule, now: number, cost: number): BucketState;
  /** Buckets held now. */
  readonly size: number;
}

/**
 * Buckets in a Map, for one process. Memory stays bounded: a bucket
 * that has refilled is the same as no bucket, so it is dropped, and
 * past `maxKeys` the least recently used are evicted (an evicted
 * client starts again with a full bucket).
 *
 * @example
 * const store = createMemoryRateLimitStore({ maxKeys: 50_000 });
 * createHttpHandler({ desk, rateLimit: { store } });
 */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): MemoryRateLimitStore {
  const maxKeys = options.maxKeys ?? 10_000;
  if (!(Number.isSafeInteger(maxKeys) && maxKeys > 0)) {
    throw new TypeError(
      'createMemoryRateLimitStore: `maxKeys` must be a positive whole number',
    );
  }
  // Map order is least recently used first: a take moves its key last.
  const buckets = new Map<string, BucketEntry>();

  const sweep = (now: number) => {
    for (const [key, entry] of buckets) {
      if (buckets.size <= maxKeys && entry.fullAt > now) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, rule, now, cost) {
      const { state, entry } = takeTokens(buckets.get(key), rule, now, cost);
      buckets.delete(key);
      if (entry.fullAt > now) buckets.set(key, entry);
      sweep(now);
      return state;
    },
    get size() {
      return buckets.size;
    },
  };
}

/** Whole seconds, at least one: how `Retry-After` rounds. */
export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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
