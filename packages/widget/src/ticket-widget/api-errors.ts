import type { Validator } from './check/rules.js';
import { en } from './i18n/en.js';

/*
 * The widget's failures: the error class every call throws, and how an
 * answer becomes one (a non-2xx answer, an unreadable body, no answer).
 */

/** One problem the server found in a request body, as it sent it. */
export interface ApiIssue {
  /** Where in the body, e.g. `['requester', 'email']`. */
  path: readonly PropertyKey[];
  message: string;
  /** zod's issue code (`too_small`, `too_big`, `invalid_format`, …). */
  code?: string;
  /** For `invalid_format`: which format, e.g. `email`. */
  format?: string;
  /** For `too_big`: the limit. */
  maximum?: number | bigint;
}

/** Options for {@link WidgetError}. */
export interface WidgetErrorOptions {
  /** HTTP status, or `null` when no answer came back. */
  status?: number | null;
  issues?: readonly ApiIssue[];
  cause?: unknown;
}

/**
 * A failed call, with the server's stable `code` (for example
 * `VALIDATION_FAILED`) or one of the widget's own: `NETWORK_ERROR` when
 * no answer came back, `BAD_RESPONSE` when the answer was not what the
 * contract says.
 */
export class WidgetError extends Error {
  override name = 'WidgetError';
  declare readonly code: string;
  declare readonly status: number | null;
  declare readonly issues: readonly ApiIssue[];

  constructor(
    code: string,
    message: string,
    { status = null, issues = [], cause }: WidgetErrorOptions = {},
  ) {
    super(message, { cause });
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** Any thrown value as a WidgetError; foreign ones become `UNEXPECTED`. */
export function toWidgetError(error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  return new WidgetError('UNEXPECTED', String(error), { cause: error });
}

/** `NETWORK_ERROR`: no answer came back (English words, as `en` has them). */
export const networkError = (cause?: unknown): WidgetError =>
  new WidgetError('NETWORK_ERROR', en.errors.NETWORK_ERROR, { cause });

/** `BAD_RESPONSE`: an answer that is not what the contract says. */
export const badResponse = (options: WidgetErrorOptions): WidgetError =>
  new WidgetError('BAD_RESPONSE', en.errors.BAD_RESPONSE, options);

/** Reads a non-2xx answer into a WidgetError, keeping the server's words. */
export async function errorFrom(response: Response): Promise<WidgetError> {
  const { status } = response;
  const { code, message, issues } =
    (await response.json().catch(() => null))?.error ?? {};
  return typeof code === 'string'
    ? new WidgetError(code, typeof message === 'string' ? message : code, {
        status,
        issues: issuesIn(issues),
      })
    : new WidgetError(
        'HTTP_ERROR',
        `The help desk answered ${status} ${response.statusText}`.trim(),
        { status },
      );
}

/**
 * The issues of an error answer that have words, each with a path (the
 * server sends zod's issues as they are).
 */
function issuesIn(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((issue) => typeof issue?.message === 'string')
    .map((issue) => ({
      ...issue,
      path: Array.isArray(issue.path) ? issue.path : [],
    }));
}

/** A 2xx answer's body, checked by `check`; else a `BAD_RESPONSE`. */
export async function answerOf<T>(
  response: Response,
  check: Validator<T>,
): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw badResponse({ status: response.status, cause });
  }
  const result = check.safeParse(body);
  if (result.success) return result.data;
  throw badResponse({ cause: result.error });
}
