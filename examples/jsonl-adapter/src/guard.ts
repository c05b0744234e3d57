import { StorageError, TicketryError } from '@ticketry/core';

/** Turns anything thrown into a Ticketry error naming the backend. */
export function asTicketryError(
  backend: string,
  what: string,
  error: unknown,
): TicketryError {
  if (error instanceof TicketryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError(backend, `${what}: ${reason}`, error);
}

/**
 * Runs one store call: refuses it once the store is closed, and turns
 * whatever node:fs throws into a StorageError naming the backend.
 * Ticketry's own errors (ConflictError, ValidationError, …) pass as is.
 */
export function guard(backend: string) {
  let closed = false;
  return {
    close() {
      closed = true;
    },
    async run<T>(what: string, work: () => T | Promise<T>): Promise<T> {
      if (closed) throw new StorageError(backend, 'the store is closed');
      try {
        return await work();
      } catch (error) {
        throw asTicketryError(backend, what, error);
      }
    },
  };
}

/**
 * One write at a time. Each write checks the indexes, appends its line
 * and applies it before the next one starts, so a check and its write
 * cannot be split by another call of this store.
 */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const next = tail.then(work);
      tail = next.catch(() => undefined);
      return next;
    },
    /** Resolves once every write queued so far has finished. */
    drained(): Promise<unknown> {
      return tail;
    },
  };
}
