/** Statuses worth another try: timeouts, too many requests, server errors. */
export function isRetryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Exponential backoff with full jitter: a random wait between 0 and
 * `base * 2^(attempt-1)`, capped at `max`.
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** A `Retry-After` value (seconds or an HTTP date) in ms from now, or null. */
export function retryAfterMs(
  value: string | null | undefined,
  nowMs: number,
): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
