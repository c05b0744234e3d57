import { StorageError, TicketryError } from '@ticketry/core';

/** The backend name in every error of this store. */
export const BACKEND = 'indexeddb';

/**
 * Why an IndexedDB store failed, in `error.details.reason`:
 *
 * - `unavailable`: no IndexedDB here, or it refused to open (private
 *   mode, a sandboxed frame, storage turned off) or never answered;
 * - `quota`: the origin is out of storage space; nothing was written;
 * - `blocked`: an upgrade waited on another tab longer than allowed;
 * - `version`: the database belongs to a newer (or foreign) schema;
 * - `closed`: `close()` was called on this store;
 * - `failed`: anything else the browser reported.
 */
export type IndexedDbFailure =
  | 'unavailable'
  | 'quota'
  | 'blocked'
  | 'version'
  | 'closed'
  | 'failed';

/** A StorageError of this backend with `details.reason` set. */
export function storageError(
  reason: IndexedDbFailure,
  message: string,
  cause?: unknown,
): StorageError {
  const error = new StorageError(BACKEND, message, cause);
  error.details.reason = reason;
  return error;
}

/** The failure reason of an error from this store, if it has one. */
export function failureOf(error: unknown): IndexedDbFailure | undefined {
  if (!(error instanceof StorageError) || error.backend !== BACKEND) {
    return undefined;
  }
  return error.details.reason as IndexedDbFailure | undefined;
}

const nameOf = (error: unknown) =>
  (error as { name?: unknown } | null)?.name ?? '';

/** The message of a thrown value, or its name, or its text. */
export const textOf = (error: unknown) => {
  const { message, name } = (error ?? {}) as {
    message?: unknown;
    name?: unknown;
  };
  return String(message || name || error);
};

/** Whether a browser error says the origin is out of space. */
export const isQuota = (error: unknown) =>
  nameOf(error) === 'QuotaExceededError' ||
  /quota/i.test(String((error as { message?: unknown })?.message ?? ''));

/**
 * Turns whatever a request, transaction or open threw into a typed
 * error; Ticketry's own errors (conflicts, validation) pass through.
 */
export function toStorageError(what: string, error: unknown): TicketryError {
  if (error instanceof TicketryError) return error;
  const text = `${what}: ${textOf(error)}`;
  if (isQuota(error)) {
    return storageError('quota', `${text} (storage quota exceeded)`, error);
  }
  if (nameOf(error) === 'VersionError') {
    return storageError('version', text, error);
  }
  return storageError('failed', text, error);
}
