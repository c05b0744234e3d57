import type { MemoryData } from '../store/memory-store.js';
import type { AuditProbe } from './checks-audit.js';
import { memoryKey } from './memory-harness.js';

/**
 * Raw changes to a memory store's events, around the store, for the
 * audit checks. A memory store keeps its own copies, so callers of its
 * methods cannot reach stored events, but whoever holds its `data` can:
 * nothing refuses it, and verifyAudit must find it.
 */
export function memoryAuditProbe(data: MemoryData): AuditProbe {
  const listOf = (siteId: string, ticketId: string) =>
    data.byTicket.get(memoryKey(siteId, ticketId)) ?? [];
  const indexOf = (siteId: string, ticketId: string, version: number) => {
    const i = listOf(siteId, ticketId).findIndex((e) => e.version === version);
    if (i < 0) throw new Error(`no event ${ticketId} v${version}`);
    return i;
  };
  return {
    refusesEventChanges: false,
    async editEvent(siteId, ticketId, version, edit) {
      edit(listOf(siteId, ticketId)[indexOf(siteId, ticketId, version)]!);
    },
    async deleteEvent(siteId, ticketId, version) {
      const list = listOf(siteId, ticketId);
      const [gone] = list.splice(indexOf(siteId, ticketId, version), 1);
      data.eventIds.delete(gone!.id);
    },
  };
}
