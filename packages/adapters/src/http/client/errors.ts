import {
  ConflictError,
  ERROR_CODES,
  type ErrorCode,
  TicketryError,
  ValidationError,
} from '@ticketry/core';
import type { $ZodIssue } from 'zod/v4/core';

/**
 * An error the server answered with a code the core does not define
 * (`METHOD_NOT_ALLOWED`, `INTERNAL_ERROR`), or an answer the client
 * could not read (`BAD_RESPONSE`). `status` is the HTTP status.
 */
export class HttpDeskError extends TicketryError {
  override name = 'HttpDeskError';
  readonly #status: number;

  constructor(code: string, message: string, status: number, cause?: unknown) {
    // A newer server may answer with a code this client does not know.
    super(code as ErrorCode, message, { cause, details: { status } });
    this.#status = status;
  }

  override get status(): number {
    return this.#status;
  }
}

/** What the request was about, to rebuild a ConflictError. */
export interface ErrorContext {
  ticketId?: string;
  expectedVersion?: number;
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  issues?: unknown;
}

const isCoreCode = (code: string): code is ErrorCode => code in ERROR_CODES;

function versionOf(response: Response): number | null {
  const match = /^"(\d+)"$/.exec(response.headers.get('etag') ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * The error a failed answer stands for, as the core types it: the
 * server's code, message and zod issues. VALIDATION_FAILED becomes a
 * ValidationError and VERSION_CONFLICT a ConflictError, so callers can
 * branch exactly as they would in process.
 */
export async function errorFrom(
  response: Response,
  context: ErrorContext = {},
): Promise<TicketryError> {
  const body = (await response.json().catch(() => null)) as {
    error?: ErrorBody;
  } | null;
  const error = body?.error;
  const status = response.status;
  if (!error || typeof error.code !== 'string') {
    const text = `the server answered ${status} ${response.statusText}`;
    return new HttpDeskError('BAD_RESPONSE', text.trim(), status);
  }
  const code = error.code;
  const message = typeof error.message === 'string' ? error.message : code;
  const issues = Array.isArray(error.issues)
    ? (error.issues as $ZodIssue[])
    : [];

  if (code === 'VALIDATION_FAILED') return new ValidationError(message, issues);
  if (
    code === 'VERSION_CONFLICT' &&
    context.ticketId &&
    context.expectedVersion
  ) {
    return new ConflictError(
      context.ticketId,
      context.expectedVersion,
      versionOf(response),
    );
  }
  if (!isCoreCode(code) || ERROR_CODES[code] !== status) {
    return new HttpDeskError(code, message, status);
  }
  return new TicketryError(code, message, {
    details: issues.length ? { status, issues } : { status },
  });
}
