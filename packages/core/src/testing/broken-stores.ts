import { StorageError } from '../errors.js';
import {
  createMemoryData,
  createMemoryStore,
  type MemoryData,
} from '../store/memory-store.js';
import type { StoreCapabilities, TicketStore } from '../store/types.js';
import { CONTRACT_BREAKAGES } from './broken-contract.js';
import { ORDER_BREAKAGES } from './broken-order.js';
import { RECORD_BREAKAGES } from './broken-records.js';
import type {
  CapabilityReasons,
  StoreHarness,
  StoreUnderTest,
} from './harness.js';
import {
  memoryKey as key,
  MEMORY_CAPABILITY_REASONS,
  memoryProbe,
} from './memory-harness.js';

/**
 * One broken rule: the methods (or capabilities) that replace a memory
 * store's own, given that store and its data.
 */
export type Breakage = (
  store: TicketStore,
  data: MemoryData,
) => Partial<TicketStore>;

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
  /** Looks up no idempotency key: submissions write before the refusal. */
  'no idempotency look-up': () => ({
    findIdempotency: async () => null,
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
  ...CONTRACT_BREAKAGES,
  ...ORDER_BREAKAGES,
  ...RECORD_BREAKAGES,
};

function brokenStore(name: string, data: MemoryData): TicketStore {
  const store = createMemoryStore({ data });
  return { ...store, ...BROKEN_STORES[name]!(store, data) };
}

/** A broken store by name, ready for the suite, with its reopen. */
export function brokenUnderTest(name: string): StoreUnderTest {
  const data = createMemoryData();
  const open = async () => ({
    store: brokenStore(name, data),
    probe: memoryProbe(data),
  });
  return {
    store: brokenStore(name, data),
    probe: memoryProbe(data),
    reopen: open,
  };
}

/**
 * A broken store by name as a harness: the memory store's reasons for
 * the capabilities it still reports off.
 */
export function brokenHarness(name: string): StoreHarness {
  const capabilities = brokenStore(name, createMemoryData()).capabilities;
  const reasons: CapabilityReasons = {};
  for (const [flag, reason] of Object.entries(MEMORY_CAPABILITY_REASONS)) {
    const on = capabilities[flag as keyof StoreCapabilities];
    if (!on) reasons[flag as keyof StoreCapabilities] = reason;
  }
  return {
    create: async () => brokenUnderTest(name),
    capabilityReasons: reasons,
  };
}
