import type { AuditEvent } from '../schemas/event.js';
import type { NewEvent } from '../store/types.js';
import { hashText } from './canonical.js';
import { sha256Hex } from './sha256.js';

/**
 * The `prevHash` of a ticket's first chained event: 64 zeros. A ticket
 * written before the chain existed also restarts from it (see
 * docs/audit.md, "Older data").
 */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as the desk hands it to the store: chained. */
export type ChainedEvent = NewEvent & { prevHash: string; hash: string };

/**
 * The text an event's hash covers: the event without `hash` and
 * without `seq` (the store's feed position, given after hashing), so
 * `prevHash` and everything the event says are covered.
 */
export function eventHashText(event: NewEvent | AuditEvent): string {
  const { hash: _hash, seq: _seq, ...rest } = event as AuditEvent;
  return hashText(rest);
}

/** SHA-256 of {@link eventHashText}, hex. */
export function eventHash(event: NewEvent | AuditEvent): Promise<string> {
  return sha256Hex(eventHashText(event));
}

/**
 * Links a new event into its ticket's chain: `prevHash` is the hash of
 * the ticket's last event (`ticket.auditHash`), or {@link GENESIS_HASH}
 * for a new ticket, then `hash` covers the event with it.
 *
 * @example
 * const event = await chainEvent(draft, ticket.auditHash);
 * const next = { ...changed, auditHash: event.hash };
 */
export async function chainEvent(
  event: NewEvent,
  prevHash: string | undefined,
): Promise<ChainedEvent> {
  const { hash: _hash, ...rest } = event;
  const linked = { ...rest, prevHash: prevHash ?? GENESIS_HASH };
  return { ...linked, hash: await eventHash(linked) };
}
