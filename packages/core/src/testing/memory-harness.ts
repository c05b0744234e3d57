import {
  createMemoryData,
  createMemoryStore,
  type MemoryData,
} from '../store/memory-store.js';
import type {
  CapabilityReasons,
  StoreHarness,
  StoreProbe,
  StoreUnderTest,
} from './harness.js';

/** The memory store's key of a record in a site. */
export const memoryKey = (siteId: string, id: string) => `${siteId}\u0000${id}`;

/** Reads a memory store's data directly, as the suite's probe. */
export function memoryProbe(data: MemoryData): StoreProbe {
  return {
    async readTicket(siteId, id) {
      const ticket = data.tickets.get(memoryKey(siteId, id));
      return ticket ? { ...ticket } : null;
    },
    async countEvents(siteId, ticketId) {
      return data.byTicket.get(memoryKey(siteId, ticketId))?.length ?? 0;
    },
  };
}

/** A memory store with its probe and reopen, as the suite wants it. */
export function memoryUnderTest(): StoreUnderTest {
  const data = createMemoryData();
  return {
    store: createMemoryStore({ data }),
    probe: memoryProbe(data),
    reopen: async () => ({
      store: createMemoryStore({ data }),
      probe: memoryProbe(data),
    }),
  };
}

/** Why the memory store turns its capabilities off. */
export const MEMORY_CAPABILITY_REASONS: CapabilityReasons = {
  changeNotifications:
    'a memory store lives in one process, whose desk already hears every write; there is no other process to hear from',
  fullText:
    'the store contract has no text query yet; a scan over subjects would be the whole feature',
  sharedAccess:
    'the data lives in the memory of one process, which no other process can open',
};

/** The memory store as the suite wants it, with its reasons. */
export function memoryHarness(): StoreHarness {
  return {
    create: async () => memoryUnderTest(),
    capabilityReasons: MEMORY_CAPABILITY_REASONS,
  };
}
