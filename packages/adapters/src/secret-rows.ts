import type { AccessToken, Credential } from '@ticketry/core';

/** The keys SQL stores keep in columns of their own. */
const COLUMNS = new Set(['siteId', 'agentId', 'ticketId', 'hash', 'createdAt']);

/**
 * The `extra` column of a credential or access token row: the record's
 * other keys (expiry, revocation generation, kind, verifier …) as JSON,
 * or null when it has none, so a replaced record keeps nothing of the
 * one before it.
 */
export function extraOf(record: Credential | AccessToken): string | null {
  const extra = Object.fromEntries(
    Object.entries(record).filter(
      ([key, value]) => !COLUMNS.has(key) && value !== undefined,
    ),
  );
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

/** A row read back as its record: the columns, then the `extra` keys. */
export function withExtra<T>(row: Record<string, unknown>): T {
  const { extra, ...columns } = row;
  return {
    ...columns,
    ...(typeof extra === 'string' ? JSON.parse(extra) : {}),
  } as T;
}
