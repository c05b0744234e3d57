import type { $ZodIssue } from 'zod/v4/core';

/** Stable codes carried by every error Ticketry throws. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 422,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  /** An identity token that is not `tki_<claims>.<signature>` or whose claims do not parse. */
  IDENTITY_MALFORMED: 401,
  /** An identity token whose signature, site or lifetime is wrong. */
  IDENTITY_INVALID: 401,
  IDENTITY_EXPIRED: 401,
  /** A requester access token or console session past its lifetime or idle limit. */
  TOKEN_EXPIRED: 401,
  /** A requester access token or console session that was revoked or signed out. */
  TOKEN_REVOKED: 401,
  FORBIDDEN: 403,
  /** The `verifyHuman` hook (a CAPTCHA provider) refused a submission. */
  CAPTCHA_FAILED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TRANSITION_NOT_ALLOWED: 409,
  REOPEN_WINDOW_CLOSED: 409,
  /** A link refused: to itself, a merged ticket, a second parent. */
  LINK_NOT_ALLOWED: 409,
  /** A parent/child or depends-on link that would close a loop. */
  LINK_CYCLE: 409,
  /** A parent resolving or closing while a child is open (roll-up `block`). */
  CHILDREN_OPEN: 409,
  /** A knowledge base draft asked of a ticket that has no resolution yet. */
  KB_NO_RESOLUTION: 409,
  /** A knowledge base draft asked of a ticket whose resolution note says nothing ("Imported", "Fixed"). */
  KB_NO_RESOLUTION_TEXT: 409,
  /** Breach risk asked of a ticket that is not open (resolved, closed…). */
  TICKET_NOT_OPEN: 409,
  /** A create naming an id that is taken (an organization's id…). */
  ALREADY_EXISTS: 409,
  /** A message split off once already; details name the ticket it made. */
  ALREADY_SPLIT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  /** An assistant conversation past its character budget (`maxChars`); start a new one. */
  CONVERSATION_TOO_LONG: 422,
  /** A watcher address refused: the desk's own, or a mail system's (postmaster, no-reply…). */
  WATCHER_REFUSED: 422,
  INELIGIBLE_ASSIGNEE: 422,
  /** An automation rule reads `risk` where the automation has no risk source. */
  RISK_SOURCE_MISSING: 422,
  /** A webhook URL the address guard refuses (loopback, private, metadata…). */
  DESTINATION_REFUSED: 422,
  VERSION_CONFLICT: 412,
  VERSION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  /** A body sent with a `Content-Encoding` (gzip…): bodies are read as sent. */
  UNSUPPORTED_ENCODING: 415,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  RATE_LIMITED: 429,
  /** A raw message the mail intake cannot read as RFC 5322 mail. */
  MAIL_UNPARSEABLE: 422,
  INTERNAL_ERROR: 500,
  BAD_RESPONSE: 502,
  STORAGE_FAILED: 503,
  /** The same mail is being taken right now; send it again after Retry-After. */
  MAIL_IN_PROGRESS: 503,
} as const;

/**
 * A value as an error message shows it: at most `max` characters, the
 * rest cut with an ellipsis, so a hostile id is not echoed back whole.
 */
export function shown(value: string, max = 64): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Options every Ticketry error accepts. */
export interface TicketryErrorOptions {
  cause?: unknown;
  /** Machine-readable details (field paths, versions, statuses). */
  details?: Record<string, unknown>;
}

/**
 * The one base error: a stable `code`, the HTTP status that fits it,
 * and the `cause` when another error led to it.
 */
export class TicketryError extends Error {
  override name = 'TicketryError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: TicketryErrorOptions,
  ) {
    super(
      message,
      options?.cause === undefined ? {} : { cause: options.cause },
    );
    this.code = code;
    this.details = options?.details ?? {};
  }

  /** The HTTP status that fits this error's code. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** Input failed a schema; `issues` are zod's, untouched. */
export class ValidationError extends TicketryError {
  override name = 'ValidationError';
  readonly issues: readonly $ZodIssue[];

  constructor(message: string, issues: readonly $ZodIssue[]) {
    super('VALIDATION_FAILED', message);
    this.issues = issues.map(withoutPattern);
  }
}

/**
 * An issue without the regular expression it failed: internal patterns
 * (email, date…) are long and say more about us than about the input.
 */
function withoutPattern(issue: $ZodIssue): $ZodIssue {
  if (!('pattern' in issue)) return issue;
  const { pattern, ...rest } = issue as $ZodIssue & { pattern?: unknown };
  const source = String(pattern);
  const format = 'format' in rest ? String(rest.format) : 'regex';
  const message = rest.message.includes(source)
    ? `Invalid ${format === 'regex' ? 'format' : format}`
    : rest.message;
  return { ...rest, message } as $ZodIssue;
}

/**
 * A ticket (or, with `what: 'record'`, a stored record) changed since
 * it was read; nothing was written. The message names what conflicted.
 */
export class ConflictError extends TicketryError {
  override name = 'ConflictError';

  constructor(
    ticketId: string,
    expected: number,
    actual: number | null,
    what: 'ticket' | 'record' = 'ticket',
  ) {
    const now = actual === null ? 'missing' : `at version ${actual}`;
    super(
      'VERSION_CONFLICT',
      `${what} ${ticketId} is ${now}, not ${expected}`,
      {
        details:
          what === 'ticket'
            ? { ticketId, expected, actual }
            : { record: ticketId, expected, actual },
      },
    );
  }
}

/** A store failed; names the backend and keeps the driver's error. */
export class StorageError extends TicketryError {
  override name = 'StorageError';
  readonly backend: string;

  constructor(backend: string, message: string, cause?: unknown) {
    super('STORAGE_FAILED', `${backend}: ${message}`, { cause });
    this.backend = backend;
  }
}

/** Builds a ValidationError from a failed zod parse. */
export function validationError(
  what: string,
  issues: readonly $ZodIssue[],
): ValidationError {
  const first = issues.map(withoutPattern)[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  return new ValidationError(
    `invalid ${what}${where}: ${first?.message ?? 'rejected'}`,
    issues,
  );
}
