import { readFileSync } from 'node:fs';
import type { StoreProbe } from '@ticketry/core/testing';

type Written = {
  k?: string;
  ticket?: Record<string, unknown> & { siteId?: string; id?: string };
  event?: { siteId?: string; ticketId?: string };
};

/**
 * The whole lines of the file as the disk holds them now. A line
 * without its newline is a write still under way (or cut by a crash),
 * so it does not count.
 */
function writtenLines(path: string): Written[] {
  const text = readFileSync(path, 'utf8');
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((raw) => raw !== '')
    .map((raw) => JSON.parse(raw) as Written);
}

const isWrite = (line: Written) => line.k === 'create' || line.k === 'commit';

/**
 * Reads what a JSON Lines store persisted, straight from its file and
 * with a parser of its own, never through the store or its indexes:
 * the ticket is the last one written for its (site, id), and the events
 * are counted line by line. It holds no handle, so there is nothing to
 * close.
 */
export function jsonlProbe(path: string): StoreProbe {
  return {
    async readTicket(siteId, id) {
      let found: Record<string, unknown> | null = null;
      for (const line of writtenLines(path)) {
        const t = line.ticket;
        if (isWrite(line) && t?.siteId === siteId && t.id === id) found = t;
      }
      return found;
    },
    async countEvents(siteId, ticketId) {
      return writtenLines(path).filter(
        (line) =>
          isWrite(line) &&
          line.event?.siteId === siteId &&
          line.event.ticketId === ticketId,
      ).length;
    },
  };
}
