import * as z from 'zod/mini';
import type { RetryEvent } from './types.js';

/** Statuses worth another try; anything else is the server's answer. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([
  408, 425, 429, 500, 502, 503, 504,
]);

/** Statuses whose `Retry-After` the client waits for. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Statuses that say the server did not act on the request. */
const REFUSED_STATUSES: ReadonlySet<number> = new Set([408, 425, 429]);

const isFunction = (value: unknown) => typeof value === 'function';

/** The retry options of `createHttpDesk`, checked when the desk is made. */
export const retryOptionsSchema = z.object({
  retries: z.optional(z.int().check(z.minimum(0), z.maximum(20))),
  retryDelayMs: z.optional(z.number().check(z.minimum(0), z.maximum(60_000))),
  maxRetryDelayMs: z.optional(
    z.number().check(z.minimum(0), z.maximum(3_600_000)),
  ),
  jitter: z.optional(z.enum(['full', 'equal'])),
  timeoutMs: z.optional(z.int().check(z.minimum(1), z.maximum(2_147_483_647))),
  onRetry: z.optional(z.custom<(event: RetryEvent) => void>(isFunction)),
});

/** Retry options with their defaults filled in. */
export type RetrySettings = Required<
  Omit<z.infer<typeof retryOptionsSchema>, 'onRetry'>
> &
  Pick<z.infer<typeof retryOptionsSchema>, 'onRetry'>;

/** The defaults of the retry options. */
export const RETRY_DEFAULTS = {
  retries: 2,
  retryDelayMs: 250,
  maxRetryDelayMs: 30_000,
  jitter: 'full',
  timeoutMs: 30_000,
} as const satisfies Omit<RetrySettings, 'onRetry'>;

/** A try that failed in a way another try may mend. */
export type Failure =
  | { kind: 'network' | 'timeout'; error: unknown }
  | { kind: 'status'; response: Response };

/** What one try gave: a value to return, or a failure. */
export type Outcome<T> = { value: T } | Failure;

/** Time and chance, injected so tests can replace them. */
export interface RetryEnv {
  /** A number in [0, 1). */
  random(): number;
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch, to read a `Retry-After` date. */
  now(): number;
}

const realEnv: RetryEnv = {
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

const IMF_DATE =
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC850_DATE = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} [\d:]{8} GMT$/;
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d [\d:]{8} \d{4}$/;

/**
 * The wait a `Retry-After` value asks for, in milliseconds: whole
 * seconds (`120`) or an HTTP date (0 once it has passed). Null for a
 * missing or malformed value, which the client treats as absent.
 */
export function parseRetryAfter(
  value: string | null,
  now: number,
): number | null {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  let at = Number.NaN;
  if (IMF_DATE.test(text) || RFC850_DATE.test(text)) at = Date.parse(text);
  if (ASCTIME_DATE.test(text)) at = Date.parse(`${text} GMT`);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil(at - now));
}

/**
 * The backoff before retry `retry` (1 for the first): a ceiling of
 * `retryDelayMs · 2^(retry−1)`, capped at `maxRetryDelayMs`, then
 * jittered. Full jitter draws from [0, ceiling]; equal jitter keeps half
 * and draws the other half.
 */
export function backoffMs(
  retry: number,
  settings: Pick<RetrySettings, 'retryDelayMs' | 'maxRetryDelayMs' | 'jitter'>,
  random: () => number,
): number {
  const ceiling = Math.min(
    settings.maxRetryDelayMs,
    settings.retryDelayMs * 2 ** (retry - 1),
  );
  const floor = settings.jitter === 'equal' ? ceiling / 2 : 0;
  return Math.round(floor + random() * (ceiling - floor));
}

interface Delay {
  delayMs: number;
  retryAfterMs?: number;
}

/**
 * How long to wait before the next try, or null to stop. A honoured
 * `Retry-After` is a floor: the client adds a jittered slice of at most
 * `retryDelayMs` so clients told the same second do not return together,
 * and gives up when the server asks for more than `maxRetryDelayMs`.
 */
function delayFor(
  failure: Failure,
  retry: number,
  settings: RetrySettings,
  env: RetryEnv,
): Delay | null {
  if (failure.kind === 'status') {
    const { status, headers } = failure.response;
    const asked = RETRY_AFTER_STATUSES.has(status)
      ? parseRetryAfter(headers.get('retry-after'), env.now())
      : null;
    if (asked !== null) {
      if (asked > settings.maxRetryDelayMs) return null;
      const room = Math.min(
        settings.retryDelayMs,
        settings.maxRetryDelayMs - asked,
      );
      const delayMs = asked + Math.round(env.random() * room);
      return { delayMs, retryAfterMs: asked };
    }
  }
  return { delayMs: backoffMs(retry, settings, env.random) };
}

/** True when the server may have acted although the answer was a failure. */
const unclear = (failure: Failure) =>
  failure.kind !== 'status' || !REFUSED_STATUSES.has(failure.response.status);

/** The last try, and whether an earlier try may have been acted on. */
export interface RetryResult<T> {
  last: Outcome<T>;
  unsure: boolean;
}

/** Runs tries by the settings; see {@link createRetryPolicy}. */
export interface RetryPolicy {
  readonly timeoutMs: number;
  run<T>(
    attempt: () => Promise<Outcome<T>>,
    call: { method: string; path: string; retry: boolean },
  ): Promise<RetryResult<T>>;
}

/**
 * A retry policy: `run` repeats a try while it fails in a retryable way,
 * the call may be repeated (`retry`) and retries remain, waiting as
 * {@link backoffMs} and `Retry-After` say. It never throws: the caller
 * reads the last outcome.
 */
export function createRetryPolicy(
  options: z.infer<typeof retryOptionsSchema>,
  env: RetryEnv = realEnv,
): RetryPolicy {
  const given = Object.entries(options).filter(([, v]) => v !== undefined);
  const settings: RetrySettings = {
    ...RETRY_DEFAULTS,
    ...Object.fromEntries(given),
  };
  return {
    timeoutMs: settings.timeoutMs,
    async run(attempt, call) {
      let unsure = false;
      for (let retry = 1; ; retry++) {
        const last = await attempt();
        if ('value' in last || !call.retry || retry > settings.retries) {
          return { last, unsure };
        }
        const next = delayFor(last, retry, settings, env);
        if (!next) return { last, unsure };
        unsure ||= unclear(last);
        if (last.kind === 'status') await last.response.body?.cancel();
        settings.onRetry?.({
          retry,
          reason: last.kind,
          ...(last.kind === 'status' && { status: last.response.status }),
          ...next,
          method: call.method,
          path: call.path,
        });
        await env.sleep(next.delayMs);
      }
    },
  };
}
