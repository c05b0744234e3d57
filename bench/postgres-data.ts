/**
 * Tickets for the PostgreSQL benchmark: valid records made directly,
 * with their first event, spread over statuses, teams and time the way
 * a busy desk's history is. Nothing here prints.
 */
import type { ImportItem } from '@ticketry/adapters/postgres';
import type { Status, Ticket } from '@ticketry/core';
import { sampleEvent, sampleTicket } from '@ticketry/core/testing';

/** The site every benchmark ticket belongs to. */
export const SITE = 'bench';

/** Teams the tickets spread over. */
export const TEAMS = Array.from(
  { length: 20 },
  (_, i) => `team-${String(i).padStart(2, '0')}`,
);

// Most of a desk's history is finished work; the open queues are thin.
const STATUS_MIX: [Status, number][] = [
  ['closed', 55],
  ['resolved', 10],
  ['cancelled', 5],
  ['new', 5],
  ['open', 8],
  ['assigned', 7],
  ['in_progress', 6],
  ['pending', 4],
];

const STATUS_WHEEL = STATUS_MIX.flatMap(([s, n]) => Array(n).fill(s));

// A hash of the ticket number, so status and team are independent.
const mix = (n: number) => Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) >>> 0;

/** Ticket number `n`, made `n` seconds after 2020-01-01. */
export function benchTicket(n: number, status?: Status): Ticket {
  const at = new Date(Date.UTC(2020, 0, 1) + n * 1000).toISOString();
  const h = mix(n);
  const s = status ?? STATUS_WHEEL[h % STATUS_WHEEL.length]!;
  return sampleTicket({
    siteId: SITE,
    ref: `T-${1_000_000 + n}`,
    status: s,
    pendingReason: s === 'pending' ? 'vendor' : null,
    subject: `Printer ${n % 977} jams on tray ${n % 4}`,
    description:
      'Every job stops at the second tray with a paper jam; the display asks for the rear door to be opened, and it is.',
    requesterId: `requester-${n % 5000}`,
    channel: 'web',
    category: n % 3 ? 'Hardware' : 'Network',
    teamId: TEAMS[(h >>> 8) % TEAMS.length]!,
    createdAt: at,
    updatedAt: at,
  });
}

/** Tickets `from … from + count - 1` with their submitted events. */
export function benchItems(
  count: number,
  from: number,
  status?: Status,
): ImportItem[] {
  return Array.from({ length: count }, (_, i) => {
    const ticket = benchTicket(from + i, status);
    return { ticket, events: [sampleEvent(ticket)] };
  });
}
