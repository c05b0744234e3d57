import { StorageError } from '../errors.js';
import {
  createMemoryData,
  createMemoryStore,
  type MemoryData,
} from '../store/memory-store.js';
import type { TicketStore } from '../store/types.js';
import type {
  CapabilityReasons,
  StoreHarness,
  StoreProbe,
  StoreUnderTest,
} from './harness.js';

const key = (siteId: string, id: string) => `${siteId}\u0000${id}`;

/** Reads a memory store's data directly, as the suite's probe. */
export function memoryProbe(data: MemoryData): StoreProbe {
  return {
    async readTicket(siteId, id) {
      const ticket = data.tickets.get(key(siteId, id));
      return ticket ? { ...ticket } : null;
    },
    async countEvents(siteId, ticketId) {
      return data.byTicket.get(key(siteId, ticketId))?.length ?? 0;
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
};

/** The memory store as the suite wants it, with its reasons. */
export function memoryHarness(): StoreHarness {
  return {
    create: async () => memoryUnderTest(),
    capabilityReasons: MEMORY_CAPABILITY_REASONS,
  };
}

type Breakage = (store: TicketStore, data: MemoryData) => Partial<TicketStore>;

// Lets other calls in flight run, as a driver's round trip would.
const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Stores that break one rule of the contract each. The suite must fail
 * every one of them; if it passes one, the suite has a hole.
 */
export const BROKEN_STORES: Record<string, Breakage> = {
  /** Writes whatever version it is given, overwriting newer changes. */
  'no version check': (store) => ({
    async commit(write) {
      const current = await store.getTicket(
        write.ticket.siteId,
        write.ticket.id,
      );
      return store.commit({ ...write, expectedVersion: current?.version ?? 0 });
    },
  }),
  /** Forgets idempotency keys: every retry makes a new ticket. */
  'no idempotency': (store) => ({
    createTicket: ({ ticket, event }) => store.createTicket({ ticket, event }),
  }),
  /** Writes the ticket first and the event after, with no transaction. */
  'ticket and event not written together': (store, data) => ({
    async createTicket(write) {
      data.tickets.set(key(write.ticket.siteId, write.ticket.id), write.ticket);
      if (data.eventIds.has(write.event.id)) {
        throw new StorageError('broken', 'duplicate event');
      }
      data.tickets.delete(key(write.ticket.siteId, write.ticket.id));
      return store.createTicket(write);
    },
    async commit(write) {
      const before = data.tickets.get(
        key(write.ticket.siteId, write.ticket.id),
      );
      if (before?.version !== write.expectedVersion) return store.commit(write);
      data.tickets.set(key(write.ticket.siteId, write.ticket.id), {
        ...write.ticket,
        version: write.expectedVersion,
      });
      if (data.eventIds.has(write.event.id)) {
        data.tickets.set(
          key(write.ticket.siteId, write.ticket.id),
          write.ticket,
        );
        throw new StorageError('broken', 'duplicate event');
      }
      return store.commit(write);
    },
  }),

  /**
   * Checks the idempotency key, then writes after a round trip: retries
   * one at a time are replayed, but concurrent ones each make a ticket.
   */
  'idempotency check split from the write': (store, data) => ({
    async createTicket(write) {
      const { ticket, idempotency } = write;
      const k = idempotency && key(ticket.siteId, idempotency.key);
      if (!k || data.idempotency.has(k)) return store.createTicket(write);
      await roundTrip();
      data.idempotency.delete(k);
      return store.createTicket(write);
    },
  }),
  /**
   * Checks the version, then writes after a round trip: a lone stale
   * commit is refused, but concurrent writers overwrite each other.
   */
  'version check split from the write': (store, data) => ({
    async commit(write) {
      const k = key(write.ticket.siteId, write.ticket.id);
      await store.getTicket(write.ticket.siteId, write.ticket.id);
      if (data.tickets.get(k)?.version !== write.expectedVersion) {
        return store.commit(write);
      }
      await roundTrip();
      const current = data.tickets.get(k)!;
      return store.commit({ ...write, expectedVersion: current.version });
    },
  }),
  /** Normalises text to NFC on the way in, as some drivers do. */
  'text normalised on write': (store) => ({
    createTicket: (write) =>
      store.createTicket({
        ...write,
        ticket: {
          ...write.ticket,
          subject: write.ticket.subject.normalize('NFC'),
          description: write.ticket.description.normalize('NFC'),
        },
      }),
  }),
};

/** A broken store by name, ready for the suite. */
export function brokenUnderTest(name: string): StoreUnderTest {
  const data = createMemoryData();
  const store = createMemoryStore({ data });
  const broken = { ...store, ...BROKEN_STORES[name]!(store, data) };
  return { store: broken, probe: memoryProbe(data) };
}
