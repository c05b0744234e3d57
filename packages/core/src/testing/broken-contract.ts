import { ConflictError, StorageError, TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import type { MemoryData } from '../store/memory-store.js';
import {
  TICKET_SORTS,
  type TicketQuery,
  type TicketStore,
} from '../store/types.js';
import { memoryKey as key } from './memory-harness.js';

type Breakage = (store: TicketStore, data: MemoryData) => Partial<TicketStore>;

// Lets other calls in flight run, as a driver's round trip would.
const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** An event whose seq is turned into what a careless driver answers. */
const seqAs = (to: (seq: number) => unknown) => (event: AuditEvent) =>
  ({ ...event, seq: to(event.seq) }) as unknown as AuditEvent;

/** A whole number of 0 or more made of whatever came in. */
const count = (value: number, fallback: number) =>
  Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;

/** Breakages of writes, errors, numbers and closing. */
export const CONTRACT_BREAKAGES: Record<string, Breakage> = {
  /** Throws a TicketryError with the conflict's code, not a ConflictError. */
  'conflict not a ConflictError': (store) => ({
    async commit(write) {
      try {
        return await store.commit(write);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        throw new TicketryError('VERSION_CONFLICT', error.message);
      }
    },
  }),
  /** Answers every seq as a string, as a driver's 64-bit column may. */
  'seq as a string everywhere': (store) => {
    const text = seqAs(String);
    return {
      async createTicket(write) {
        const result = await store.createTicket(write);
        return { ...result, event: text(result.event) };
      },
      commit: async (write) => text(await store.commit(write)),
      listEvents: async (siteId, id) =>
        (await store.listEvents(siteId, id)).map(text),
      async readFeed(after, limit) {
        const page = await store.readFeed(Number(after), limit);
        return {
          events: page.events.map(text),
          cursor: String(page.cursor) as unknown as number,
        };
      },
    };
  },
  /** Answers the feed with bigint positions. */
  'seq as a bigint in the feed': (store) => ({
    async readFeed(after, limit) {
      const page = await store.readFeed(Number(after), limit);
      return {
        events: page.events.map(seqAs(BigInt)),
        cursor: BigInt(page.cursor) as unknown as number,
      };
    },
  }),
  /** Makes the best of malformed list queries and feed arguments. */
  'list and feed arguments not validated': (store) => ({
    listTickets(siteId, query) {
      const sorts: readonly string[] = TICKET_SORTS;
      const fixed: TicketQuery = {
        ...query,
        sort: sorts.includes(query.sort ?? '') ? query.sort : undefined,
        limit: query.limit === undefined ? undefined : count(query.limit, 50),
        status: query.status?.filter((s) => s !== ('bogus' as never)),
        priority: query.priority?.filter((p) => p !== ('bogus' as never)),
      };
      return store.listTickets(siteId, fixed);
    },
    readFeed: (after, limit) =>
      store.readFeed(count(after, 0), count(limit, 100)),
  }),
  /** A commit on a ticket that is not there creates it. */
  'commit on a missing ticket creates it': (store, data) => ({
    async commit(write) {
      const { siteId, id } = write.ticket;
      if (data.tickets.has(key(siteId, id))) return store.commit(write);
      return (await store.createTicket(write)).event;
    },
  }),
  /** A second ticket with a used id replaces the first. */
  'a used ticket id is overwritten': (store, data) => ({
    async createTicket(write) {
      const current = data.tickets.get(
        key(write.ticket.siteId, write.ticket.id),
      );
      if (!current) return store.createTicket(write);
      const event = await store.commit({
        ...write,
        expectedVersion: current.version,
      });
      return { ticket: write.ticket, event, replayed: false };
    },
  }),
  /** Counts ticket numbers from 1. */
  'ticket numbers start at 1': (store) => ({
    nextRef: async (siteId) => (await store.nextRef(siteId)) - 1000,
  }),
  /** One counter for all sites. */
  'one ticket counter for every site': (store) => ({
    nextRef: () => store.nextRef('all sites'),
  }),
  /** Refuses reads after close(), but not writes. */
  'writes accepted after close': (store) => {
    let closed = false;
    const open = () => {
      if (closed) throw new StorageError('broken', 'the store is closed');
    };
    return {
      async getTicket(siteId, id) {
        open();
        return store.getTicket(siteId, id);
      },
      async nextRef(siteId) {
        open();
        return store.nextRef(siteId);
      },
      async close() {
        closed = true;
      },
    };
  },
  /** A write under way when close() is called is answered, not kept. */
  'a write under way at close is answered and dropped': (store) => {
    let closed = false;
    return {
      async createTicket(write) {
        await roundTrip();
        if (!closed) return store.createTicket(write);
        return {
          ticket: write.ticket,
          event: { ...write.event, seq: 1 },
          replayed: false,
        };
      },
      async close() {
        closed = true;
        await store.close();
      },
    };
  },
  /** Keeps its ticket counter in the store object, not in the data. */
  'ref counter kept per store object': (store, data) => {
    const mine = new Map<string, number>();
    return {
      capabilities: { ...store.capabilities, sharedAccess: true },
      async nextRef(siteId) {
        await roundTrip();
        const next =
          (mine.get(siteId) ?? data.counters.get(siteId) ?? 1000) + 1;
        mine.set(siteId, next);
        data.counters.set(siteId, next);
        return next;
      },
    };
  },
  /** Finds the requester put last among those sharing an email. */
  'email look-up answers the latest put': (_store, data) => ({
    async findRequesterByEmail(siteId, email) {
      const found = [...data.requesters.values()]
        .reverse()
        .find(
          (r) =>
            r.siteId === siteId &&
            r.email.toLowerCase() === email.toLowerCase(),
        );
      return found ? { ...found } : null;
    },
  }),
  /** Answers tickets with a key they were not written with. */
  'an added key on read': (store) => ({
    async getTicket(siteId, id) {
      const ticket = await store.getTicket(siteId, id);
      return ticket && { ...ticket, sla: null as never };
    },
  }),
};
