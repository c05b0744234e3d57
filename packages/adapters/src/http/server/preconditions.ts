import { TicketryError } from '@ticketry/core';

const VERSION = /^(?:"(\d{1,15})"|(\d{1,15}))$/;

/**
 * The ticket version named by `If-Match` (`"3"`, or a bare `3`), or
 * `undefined` when the header is absent. Weak tags and lists are
 * refused: a write must name exactly the version it read.
 */
export function versionFrom(request: Request): number | undefined {
  const header = request.headers.get('if-match');
  if (header === null) return undefined;
  const value = header.trim();
  if (value === '*') {
    throw new TicketryError(
      'VERSION_REQUIRED',
      'If-Match must name the version you read, e.g. If-Match: "3"',
    );
  }
  const match = VERSION.exec(value);
  if (!match) {
    throw new TicketryError(
      'MALFORMED_REQUEST',
      'If-Match must be a version, e.g. If-Match: "3"',
      { details: { path: ['headers', 'if-match'] } },
    );
  }
  return Number(match[1] ?? match[2]);
}

/** Like {@link versionFrom}, but a missing `If-Match` is 428. */
export function requireVersion(request: Request): number {
  const version = versionFrom(request);
  if (version === undefined) {
    throw new TicketryError(
      'VERSION_REQUIRED',
      'send If-Match with the version you read, e.g. If-Match: "3"',
    );
  }
  return version;
}

const KEY = /^[\x21-\x7e]{8,255}$/;

/**
 * The `Idempotency-Key` of a submission: 8 to 255 visible ASCII
 * characters, or `undefined` when absent.
 */
export function idempotencyKeyFrom(request: Request): string | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (!KEY.test(key)) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'Idempotency-Key must be 8 to 255 visible ASCII characters',
      { details: { path: ['headers', 'idempotency-key'] } },
    );
  }
  return key;
}
