/**
 * The one remedy for concurrent writers of a ticket (routing, triage,
 * watchers, mail intake, automation, approvals, relations): reload the
 * ticket, ask again whether the work is still needed, write against the
 * version just read, and on VERSION_CONFLICT wait a little (jittered,
 * growing) and try again. After the last attempt the ConflictError is
 * thrown, so a listener's failure reaches its `onError` instead of
 * vanishing.
 */
import { ConflictError } from '../errors.js';
import type { Ticket } from '../schemas/ticket.js';

/** Options of {@link retryOnConflict}. */
export interface RetryOptions {
  /** Attempts before the conflict is thrown. @default 8 */
  attempts?: number;
  /** Base wait in ms; attempt n waits up to base·2ⁿ (jittered). @default 2 */
  baseDelayMs?: number;
  /** Longest single wait in ms. @default 50 */
  maxDelayMs?: number;
}

/** Waits a macrotask-or-more so the other writer can finish. */
function backoff(attempt: number, base: number, max: number): Promise<void> {
  const ceiling = Math.min(max, base * 2 ** attempt);
  const ms = Math.floor(ceiling / 2 + Math.random() * (ceiling / 2));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `attempt` on the ticket as stored now, again on a newer one when
 * another writer got in first. `attempt` re-checks whether its work is
 * still needed and answers null when not (nothing is retried then).
 * Throws the last ConflictError after `attempts` tries; any other error
 * at once.
 *
 * @example
 * await retryOnConflict(desk.core, id, (t) =>
 *   t.tags.includes('vip') ? null
 *     : desk.core.execute(t.id, { type: 'update', tags: [...t.tags, 'vip'] },
 *         { actor: desk.core.system, expectedVersion: t.version }));
 */
export async function retryOnConflict<T>(
  core: { load(ticketId: string): Promise<Ticket> },
  ticketId: string,
  attempt: (ticket: Ticket) => Promise<T | null> | T | null,
  options: RetryOptions = {},
): Promise<T | null> {
  const attempts = Math.max(1, options.attempts ?? 8);
  const base = options.baseDelayMs ?? 2;
  const max = options.maxDelayMs ?? 50;
  for (let n = 0; ; n += 1) {
    const ticket = await core.load(ticketId);
    try {
      return await attempt(ticket);
    } catch (error) {
      if (!(error instanceof ConflictError) || n + 1 >= attempts) throw error;
    }
    await backoff(n, base, max);
  }
}

/**
 * Runs `fn` again while it throws VERSION_CONFLICT, for work that loads
 * its tickets itself (several tickets, or a helper that reads first).
 */
export async function retryWhileConflict<T>(
  fn: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 8);
  const base = options.baseDelayMs ?? 2;
  const max = options.maxDelayMs ?? 50;
  for (let n = 0; ; n += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ConflictError) || n + 1 >= attempts) throw error;
    }
    await backoff(n, base, max);
  }
}
