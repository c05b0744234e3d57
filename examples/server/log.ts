import { redactFields } from '@ticketry/adapters/http/server';

/** One line per meaningful event: time, level, message, fields. */
export interface Logger {
  info(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

function line(level: string, message: string, fields: Record<string, unknown>) {
  const parts = Object.entries(fields).map(
    ([k, v]) => `${k}=${JSON.stringify(v instanceof Error ? v.stack : v)}`,
  );
  return [new Date().toISOString(), level, message, ...parts].join(' ');
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Drop info lines. @default false */
  quiet?: boolean;
  /**
   * Write fields whole: error messages, addresses, ticket text. For a
   * developer's machine only. @default false: every line is redacted
   */
  debug?: boolean;
}

/**
 * A logger writing to stdout and stderr. Unless `debug`, every line
 * goes through `redactFields`: no email addresses, secrets, fields
 * named like personal data or ticket text, nor error messages that
 * could hold them.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const safe = (fields: Record<string, unknown>) =>
    options.debug ? fields : redactFields(fields);
  return {
    info(message, fields) {
      if (!options.quiet)
        process.stdout.write(`${line('info', message, safe(fields))}\n`);
    },
    error(message, fields) {
      process.stderr.write(`${line('error', message, safe(fields))}\n`);
    },
  };
}
