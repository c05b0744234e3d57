import {
  ERROR_CODES,
  shown,
  TicketryError,
  ValidationError,
} from '@ticketry/core';
import { type BucketState, rateLimitHeaders } from './rate-limit.js';

/**
 * The codes only the HTTP layer answers with: a path that exists
 * without the method asked for, and a failure the server did not expect.
 */
export const HTTP_ERROR_CODES = {
  METHOD_NOT_ALLOWED: ERROR_CODES.METHOD_NOT_ALLOWED,
  INTERNAL_ERROR: ERROR_CODES.INTERNAL_ERROR,
} as const;

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: readonly unknown[] };
}

/** A JSON answer with the given status and extra headers. */
export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/** An error answer in the one shape the API uses. */
export function problem(
  status: number,
  code: string,
  message: string,
  options: {
    issues?: readonly unknown[];
    headers?: Record<string, string>;
  } = {},
): Response {
  const error: ErrorBody['error'] = { code, message };
  if (options.issues?.length) error.issues = options.issues;
  return json({ error }, status, options.headers);
}

/** The error for a ticket that does not exist. */
export const notFound = (ticketId: string) =>
  new TicketryError('NOT_FOUND', `no ticket ${shown(ticketId)}`, {
    details: { ticketId },
  });

/** The ETag of a ticket version: a strong tag holding the number. */
export const etagOf = (version: number) => `"${version}"`;

function issuesOf(error: TicketryError): readonly unknown[] | undefined {
  if (error instanceof ValidationError) return error.issues;
  const path = error.details.path;
  if (Array.isArray(path)) {
    return [{ code: 'custom', path, message: error.message }];
  }
  return undefined;
}

function headersOf(error: TicketryError): Record<string, string> {
  if (error.status === 401) {
    return { 'www-authenticate': 'Bearer realm="ticketry"' };
  }
  const actual = error.details.actual;
  if (error.code === 'VERSION_CONFLICT' && typeof actual === 'number') {
    return { etag: etagOf(actual) };
  }
  const limit = error.details.rateLimit as BucketState | undefined;
  if (error.code === 'RATE_LIMITED' && limit) return rateLimitHeaders(limit);
  return {};
}

/**
 * The answer to a typed error: its status and code, zod's issues when
 * it has them. Server-side failures (5xx) get a generic message so no
 * driver or backend detail reaches the caller.
 */
export function errorResponse(error: TicketryError): Response {
  const status = error.status;
  const message =
    status >= 500
      ? 'The help desk cannot serve this request right now; try again.'
      : error.message;
  return problem(status, error.code, message, {
    issues: issuesOf(error),
    headers: headersOf(error),
  });
}

/** The answer to an error nobody expected: 500, no detail. */
export function internalError(): Response {
  return problem(
    HTTP_ERROR_CODES.INTERNAL_ERROR,
    'INTERNAL_ERROR',
    'Something went wrong on the server.',
  );
}
