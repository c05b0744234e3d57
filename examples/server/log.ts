/** One line per meaningful event: time, level, message, fields. */
export interface Logger {
  info(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

function line(level: string, message: string, fields: Record<string, unknown>) {
  const parts = Object.entries(fields).map(
    ([k, v]) => `${k}=${JSON.stringify(v)}`,
  );
  return [new Date().toISOString(), level, message, ...parts].join(' ');
}

/** A logger writing to stdout and stderr; `quiet` drops info lines. */
export function createLogger(options: { quiet?: boolean } = {}): Logger {
  return {
    info(message, fields) {
      if (!options.quiet)
        process.stdout.write(`${line('info', message, fields)}\n`);
    },
    error(message, fields) {
      process.stderr.write(`${line('error', message, fields)}\n`);
    },
  };
}
