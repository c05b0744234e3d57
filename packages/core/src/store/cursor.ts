import { TicketryError } from '../errors.js';
import type { Ticket } from '../schemas/ticket.js';
import type { TicketSort } from './types.js';

/** The value a sort orders by; null sorts last. */
export function sortValue(ticket: Ticket, sort: TicketSort): string | null {
  const field = sort.startsWith('-') ? sort.slice(1) : sort;
  return ticket[field as 'createdAt' | 'updatedAt' | 'dueAt'];
}

// base64url of UTF-8 without padding, as Node's Buffer writes it, but
// with btoa/atob so the cursor code also runs in browsers.
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

// Throws on characters outside base64; callers treat that as "not ours".
function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The position after `ticket` in a sorted list, as an opaque string. */
export function encodeCursor(ticket: Ticket, sort: TicketSort): string {
  const json = JSON.stringify([sort, sortValue(ticket, sort), ticket.id]);
  return toBase64Url(json);
}

/** Reads a cursor back; a cursor made for another sort is refused. */
export function decodeCursor(
  cursor: string,
  sort: TicketSort,
): { value: string | null; id: string } | null {
  try {
    const raw = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(raw) || raw[0] !== sort) return null;
    if (typeof raw[2] !== 'string') return null;
    return { value: raw[1] ?? null, id: raw[2] };
  } catch {
    return null;
  }
}

/**
 * Orders tickets by the sort key then id; nulls last. Returns a
 * negative number when `a` comes first.
 */
export function compareTickets(a: Ticket, b: Ticket, sort: TicketSort): number {
  return compareKeys(
    { value: sortValue(a, sort), id: a.id },
    { value: sortValue(b, sort), id: b.id },
    sort,
  );
}

/** Compares two (value, id) positions under a sort. */
export function compareKeys(
  a: { value: string | null; id: string },
  b: { value: string | null; id: string },
  sort: TicketSort,
): number {
  const sign = sort.startsWith('-') ? -1 : 1;
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return a.value < b.value ? -sign : sign;
  }
  if (a.id === b.id) return 0;
  return a.id < b.id ? -sign : sign;
}

/**
 * Reads a cursor back or throws VALIDATION_FAILED naming `cursor`: a
 * cursor that is not ours, or made for another sort, is refused rather
 * than silently starting from the top.
 */
export function readCursor(
  cursor: string,
  sort: TicketSort,
): { value: string | null; id: string } {
  const position = decodeCursor(cursor, sort);
  if (!position) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `the cursor is not valid for sort ${sort}; start again without one`,
      { details: { path: ['cursor'] } },
    );
  }
  return position;
}
