import { TicketryError } from '@ticketry/core';
import type { HttpLogger } from './handler.js';

const EMAIL = /[\w.!#$%&'*+=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;
const SECRET = /\btk[a-z]_[\w.-]{8,}/g;
const QUOTED = /"[^"]*"|“[^”]*”|'[^'\s][^']*'/g;

/** Fields whose values are personal data or ticket text by name. */
const PERSONAL = new Set([
  'email',
  'name',
  'subject',
  'description',
  'body',
  'comment',
  'note',
  'requester',
  'text',
  'reason',
]);

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;

/**
 * A string with email addresses and Ticketry secrets (`tka_…`, `tkr_…`,
 * `tki_…`: any `tk?_` prefix) replaced by `[email]` and `[secret]`.
 */
export function redactText(text: string): string {
  return text.replace(SECRET, '[secret]').replace(EMAIL, '[email]');
}

/** Stack frames only: the message lines of a stack are dropped. */
function framesOf(stack: unknown): string[] | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '));
  return frames.length ? frames.slice(0, 20).map(redactText) : undefined;
}

/**
 * What a log may say of an error: its type, code and stack frames. A
 * TicketryError's message (our own words) is kept with addresses,
 * secrets and quoted values taken out; any other message may hold
 * whatever the failing code had at hand (ticket text, an address), so
 * only its length is kept.
 */
function errorSummary(error: Error, depth: number): Record<string, unknown> {
  const summary: Record<string, unknown> = { type: error.name };
  if (error instanceof TicketryError) {
    summary.code = error.code;
    summary.message = redactText(error.message).replace(QUOTED, '"…"');
  } else {
    summary.message = `[hidden: ${error.message.length} characters; log with debug: true]`;
  }
  const stack = framesOf(error.stack);
  if (stack) summary.stack = stack;
  if (error.cause !== undefined && depth < MAX_DEPTH) {
    summary.cause = redactValue(error.cause, depth + 1);
  }
  return summary;
}

/**
 * A value made fit for a log line: strings lose addresses and secrets,
 * errors become {@link errorSummary}, and fields named like personal
 * data or ticket text (`email`, `name`, `subject`, `description`,
 * `body`, …) become `'[redacted]'`, however deep.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return errorSummary(value, depth);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    return value.slice(0, MAX_ITEMS).map((v) => redactValue(v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    out[key] = PERSONAL.has(key.toLowerCase())
      ? '[redacted]'
      : redactValue(item, depth + 1);
  }
  return out;
}

/** The fields of one log line, each through {@link redactValue}. */
export function redactFields(
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return redactValue(fields) as Record<string, unknown>;
}

/**
 * A logger that redacts every line before it reaches `logger`, unless
 * `debug` is set (then lines go through whole, errors included: for a
 * developer's machine, never for production).
 */
export function redactingLogger(
  logger: HttpLogger | undefined,
  debug = false,
): HttpLogger | undefined {
  if (!logger || debug) return logger;
  const out: HttpLogger = {};
  if (logger.info) {
    out.info = (message, fields) =>
      logger.info?.(message, redactFields(fields));
  }
  if (logger.error) {
    out.error = (message, fields) =>
      logger.error?.(message, redactFields(fields));
  }
  return out;
}
