import type { TicketStore } from '@ticketry/core';
import { MAIL_KINDS, sha256, updateRecord } from './mail-records.js';

interface AckCount {
  /** The hour counted, `2026-12-04T21`. */
  hour: string;
  count: number;
}

/**
 * Takes one acknowledgement from an address's budget for the current
 * hour, kept in the store so every process shares it. False when the
 * address had `max` this hour already: a loop or a flood.
 */
export async function takeAck(
  store: TicketStore,
  siteId: string,
  address: string,
  max: number,
  at: string,
): Promise<boolean> {
  const hour = at.slice(0, 13);
  const key = await sha256(address.toLowerCase());
  let allowed = false;
  await updateRecord<AckCount>(
    { store, siteId, kind: MAIL_KINDS.ack, key },
    (current) => {
      const count = current?.hour === hour ? current.count : 0;
      allowed = count < max;
      return allowed ? { hour, count: count + 1 } : undefined;
    },
    at,
  );
  return allowed;
}
