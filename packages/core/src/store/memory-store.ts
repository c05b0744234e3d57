import { ConflictError, StorageError, TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import { compareKeys, encodeCursor, readCursor, sortValue } from './cursor.js';
import { matchesQuery } from './query.js';
import type {
  CommitWrite,
  CreateResult,
  CreateWrite,
  TicketQuery,
  TicketStore,
} from './types.js';

/** Everything a memory store holds; share it to reopen the same data. */
export interface MemoryData {
  tickets: Map<string, Ticket>;
  refs: Map<string, string>;
  events: AuditEvent[];
  eventIds: Set<string>;
  byTicket: Map<string, AuditEvent[]>;
  idempotency: Map<string, { fingerprint: string; ticketId: string }>;
  counters: Map<string, number>;
  requesters: Map<string, Requester>;
  agents: Map<string, Agent>;
  teams: Map<string, Team>;
  credentials: Map<string, Credential>;
  tokens: Map<string, AccessToken>;
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Data of an earlier store, to reopen it. @default fresh, empty data */
  data?: MemoryData;
}

/** Empty data for a memory store. */
export function createMemoryData(): MemoryData {
  return {
    tickets: new Map(),
    refs: new Map(),
    events: [],
    eventIds: new Set(),
    byTicket: new Map(),
    idempotency: new Map(),
    counters: new Map(),
    requesters: new Map(),
    agents: new Map(),
    teams: new Map(),
    credentials: new Map(),
    tokens: new Map(),
  };
}

const key = (siteId: string, id: string) => `${siteId}\u0000${id}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * A store in process memory: for tests, examples and single-process
 * desks that can lose their data. It keeps the whole contract, so it
 * is also the reference the conformance suite is checked against.
 *
 * @example
 * const desk = createDesk({ store: createMemoryStore() });
 */
export function createMemoryStore(
  options: MemoryStoreOptions = {},
): TicketStore & { readonly data: MemoryData } {
  const data = options.data ?? createMemoryData();
  let closed = false;

  const open = () => {
    if (closed) throw new StorageError('memory', 'the store is closed');
  };

  function append(event: Omit<AuditEvent, 'seq'>): AuditEvent {
    const stored = { ...copy(event), seq: data.events.length + 1 };
    data.events.push(stored);
    data.eventIds.add(stored.id);
    const list = data.byTicket.get(key(stored.siteId, stored.ticketId)) ?? [];
    list.push(stored);
    data.byTicket.set(key(stored.siteId, stored.ticketId), list);
    return stored;
  }

  function refuseDuplicateEvent(id: string) {
    if (data.eventIds.has(id)) {
      throw new StorageError('memory', `event ${id} already exists`);
    }
  }

  return {
    backend: 'memory',
    capabilities: {
      transactions: true,
      changeNotifications: false,
      fullText: false,
    },
    data,

    async createTicket(write: CreateWrite): Promise<CreateResult> {
      open();
      const { ticket, event, idempotency } = write;
      const idemKey = idempotency && key(ticket.siteId, idempotency.key);
      const seen = idemKey ? data.idempotency.get(idemKey) : undefined;
      if (seen) {
        if (seen.fingerprint !== idempotency?.fingerprint) {
          throw new TicketryError(
            'IDEMPOTENCY_KEY_REUSED',
            'this Idempotency-Key was used with a different request body',
          );
        }
        const first = data.tickets.get(key(ticket.siteId, seen.ticketId))!;
        const firstEvent = data.byTicket.get(key(first.siteId, first.id))![0]!;
        return { ticket: copy(first), event: copy(firstEvent), replayed: true };
      }
      const k = key(ticket.siteId, ticket.id);
      if (
        data.tickets.has(k) ||
        data.refs.has(key(ticket.siteId, ticket.ref))
      ) {
        throw new StorageError('memory', `ticket ${ticket.id} already exists`);
      }
      refuseDuplicateEvent(event.id);
      data.tickets.set(k, copy(ticket));
      data.refs.set(key(ticket.siteId, ticket.ref), ticket.id);
      if (idemKey && idempotency) {
        data.idempotency.set(idemKey, {
          fingerprint: idempotency.fingerprint,
          ticketId: ticket.id,
        });
      }
      return {
        ticket: copy(ticket),
        event: copy(append(event)),
        replayed: false,
      };
    },

    async commit(write: CommitWrite): Promise<AuditEvent> {
      open();
      const { ticket, expectedVersion, event } = write;
      const k = key(ticket.siteId, ticket.id);
      const current = data.tickets.get(k);
      if (!current || current.version !== expectedVersion) {
        throw new ConflictError(
          ticket.id,
          expectedVersion,
          current?.version ?? null,
        );
      }
      refuseDuplicateEvent(event.id);
      data.tickets.set(k, copy(ticket));
      return copy(append(event));
    },

    async getTicket(siteId, id) {
      open();
      const ticket = data.tickets.get(key(siteId, id));
      return ticket ? copy(ticket) : null;
    },

    async getTicketByRef(siteId, ref) {
      open();
      const id = data.refs.get(key(siteId, ref));
      return id ? copy(data.tickets.get(key(siteId, id))!) : null;
    },

    async listTickets(siteId, query: TicketQuery) {
      open();
      const sort = query.sort ?? '-createdAt';
      const limit = query.limit ?? 50;
      const after = query.cursor ? readCursor(query.cursor, sort) : null;
      const rows = [...data.tickets.values()].filter(
        (t) =>
          t.siteId === siteId &&
          matchesQuery(t, query) &&
          (!after ||
            compareKeys({ value: sortValue(t, sort), id: t.id }, after, sort) >
              0),
      );
      rows.sort((a, b) =>
        compareKeys(
          { value: sortValue(a, sort), id: a.id },
          { value: sortValue(b, sort), id: b.id },
          sort,
        ),
      );
      const items = rows.slice(0, limit).map(copy);
      const last = items[items.length - 1];
      const more = rows.length > limit && last;
      return { items, nextCursor: more ? encodeCursor(last, sort) : null };
    },

    async listEvents(siteId, ticketId) {
      open();
      return copy(data.byTicket.get(key(siteId, ticketId)) ?? []);
    },

    async readFeed(after, limit) {
      open();
      const events = copy(data.events.slice(after, after + limit));
      const last = events[events.length - 1];
      return { events, cursor: last ? last.seq : after };
    },

    async nextRef(siteId) {
      open();
      const next = (data.counters.get(siteId) ?? 1000) + 1;
      data.counters.set(siteId, next);
      return next;
    },

    async putRequester(r) {
      open();
      data.requesters.set(key(r.siteId, r.id), copy(r));
    },
    async getRequester(siteId, id) {
      open();
      const r = data.requesters.get(key(siteId, id));
      return r ? copy(r) : null;
    },
    async findRequesterByEmail(siteId, email) {
      open();
      const wanted = email.toLowerCase();
      for (const r of data.requesters.values()) {
        if (r.siteId === siteId && r.email.toLowerCase() === wanted) {
          return copy(r);
        }
      }
      return null;
    },

    async putAgent(agent) {
      open();
      data.agents.set(key(agent.siteId, agent.id), copy(agent));
    },
    async getAgent(siteId, id) {
      open();
      const agent = data.agents.get(key(siteId, id));
      return agent ? copy(agent) : null;
    },
    async listAgents(siteId) {
      open();
      return [...data.agents.values()]
        .filter((a) => a.siteId === siteId)
        .map(copy);
    },
    async putTeam(team) {
      open();
      data.teams.set(key(team.siteId, team.id), copy(team));
    },
    async getTeam(siteId, id) {
      open();
      const team = data.teams.get(key(siteId, id));
      return team ? copy(team) : null;
    },
    async listTeams(siteId) {
      open();
      return [...data.teams.values()]
        .filter((t) => t.siteId === siteId)
        .map(copy);
    },

    async putCredential(credential) {
      open();
      data.credentials.set(credential.hash, copy(credential));
    },
    async findCredential(hash) {
      open();
      const found = data.credentials.get(hash);
      return found ? copy(found) : null;
    },
    async putAccessToken(token) {
      open();
      data.tokens.set(token.hash, copy(token));
    },
    async findAccessToken(hash) {
      open();
      const found = data.tokens.get(hash);
      return found ? copy(found) : null;
    },

    async close() {
      closed = true;
    },
  };
}
