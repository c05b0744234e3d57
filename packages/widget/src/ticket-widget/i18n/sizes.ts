import type { Messages } from './en.js';

/** What {@link formatBytes} needs: the words and the number format. */
export interface SizeLocalizer {
  t: Pick<Messages, 'sizes'>;
  format(message: string, values: Record<string, string | number>): string;
}

/**
 * A size in bytes as people read it, in their language and digits:
 * `512 B`, `40 KB`, `1,5 Mo`.
 *
 * @example
 * formatBytes(5 * 1024 * 1024, i18n); // '5 MB'
 */
export function formatBytes(bytes: number, i18n: SizeLocalizer): string {
  const [unit, n] =
    bytes < 1024
      ? (['bytes', bytes] as const)
      : bytes < 1024 * 1024
        ? (['kilobytes', Math.round(bytes / 1024)] as const)
        : (['megabytes', Math.round((bytes / 1024 / 1024) * 10) / 10] as const);
  return i18n.format(i18n.t.sizes[unit], { n });
}
