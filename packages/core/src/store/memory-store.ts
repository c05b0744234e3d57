import { z } from 'zod';
import {
  ConflictError,
  StorageError,
  TicketryError,
  validationError,
} from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import { copy } from './copy.js';
import { compareKeys, encodeCursor, readCursor } from './cursor.js';
import { firstRows } from './first-rows.js';
import { matchesQuery, parseTicketQuery } from './query.js';
import { createMapRecords, type StoredRecord } from './records.js';
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
  /** Site and lower-cased email to the first requester holding it. */
  requesterEmails: Map<string, string>;
  /** Keys of the tickets that have a `dueAt`, for `dueBefore` lists. */
  dueTickets: Set<string>;
  /** Versioned JSON records (routing cursors, models, rules, …). */
  records: Map<string, StoredRecord>;
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
    requesterEmails: new Map(),
    dueTickets: new Set(),
    records: new Map(),
  };
}

const key = (siteId: string, id: string) => `${siteId}\u0000${id}`;

const count = z.number().int().min(0);
const feedSchema = z.object({ after: count, limit: count });
const emailKey = (r: Requester) => key(r.siteId, r.email.toLowerCase());

function indexDue(data: MemoryData): Set<string> {
  const due = new Set<string>();
  for (const [k, t] of data.tickets) if (t.dueAt) due.add(k);
  return due;
}

function indexEmails(data: MemoryData): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of data.requesters.values()) {
    if (!index.has(emailKey(r))) index.set(emailKey(r), r.id);
  }
  return index;
}

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
  // Data made without the indexes (by hand, or by an older version of
  // this store) gets them built once.
  data.requesterEmails ??= indexEmails(data);
  data.dueTickets ??= indexDue(data);
  data.records ??= new Map();
  let closed = false;

  const open = () => {
    if (closed) throw new StorageError('memory', 'the store is closed');
  };

  function append(event: Omit<AuditEvent, 'seq'>): AuditEvent {
    const stored = copy(event) as AuditEvent;
    stored.seq = data.events.length + 1;
    data.events.push(stored);
    data.eventIds.add(stored.id);
    const k = key(stored.siteId, stored.ticketId);
    const list = data.byTicket.get(k);
    if (list) list.push(stored);
    else data.byTicket.set(k, [stored]);
    return stored;
  }

  function* dueTickets(): Iterable<Ticket> {
    for (const k of data.dueTickets) {
      const t = data.tickets.get(k);
      if (t) yield t;
    }
  }

  /** Keeps the email index pointing at the first holder of each email. */
  function reindexRequester(before: Requester | undefined, after: Requester) {
    const index = data.requesterEmails;
    if (before && emailKey(before) !== emailKey(after)) {
      const old = emailKey(before);
      if (index.get(old) === before.id) {
        index.delete(old);
        for (const r of data.requesters.values()) {
          if (emailKey(r) === old) {
            index.set(old, r.id);
            break;
          }
        }
      }
    }
    const holder = index.get(emailKey(after));
    if (holder === undefined || putBefore(after, holder)) {
      index.set(emailKey(after), after.id);
    }
  }

  /** True when `r` was first put before the requester `otherId`. */
  function putBefore(r: Requester, otherId: string): boolean {
    if (otherId === r.id) return false;
    for (const each of data.requesters.values()) {
      if (each.siteId !== r.siteId) continue;
      if (each.id === r.id) return true;
      if (each.id === otherId) return false;
    }
    return false;
  }

  function putTicket(k: string, ticket: Ticket) {
    const stored = copy(ticket);
    data.tickets.set(k, stored);
    if (stored.dueAt) data.dueTickets.add(k);
    else data.dueTickets.delete(k);
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
      sharedAccess: false,
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
        return {
          ticket: copy(first),
          event: copy(firstEvent),
          replayed: true,
        };
      }
      const k = key(ticket.siteId, ticket.id);
      if (
        data.tickets.has(k) ||
        data.refs.has(key(ticket.siteId, ticket.ref))
      ) {
        throw new StorageError('memory', `ticket ${ticket.id} already exists`);
      }
      refuseDuplicateEvent(event.id);
      putTicket(k, ticket);
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
      putTicket(k, ticket);
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

    async listTickets(siteId, raw: TicketQuery) {
      open();
      const query = parseTicketQuery(raw);
      const { sort, limit } = query;
      const after = query.cursor ? readCursor(query.cursor, sort) : null;
      const candidates =
        query.dueBefore === undefined ? data.tickets.values() : dueTickets();
      const { rows, matched } = firstRows(
        candidates,
        (t, position) =>
          t.siteId === siteId &&
          matchesQuery(t, query) &&
          (!after || compareKeys(position, after, sort) > 0),
        sort,
        limit,
      );
      const items = rows.map(copy);
      const last = items[items.length - 1];
      const more = matched > limit && last;
      return { items, nextCursor: more ? encodeCursor(last, sort) : null };
    },

    async listEvents(siteId, ticketId) {
      open();
      return (data.byTicket.get(key(siteId, ticketId)) ?? []).map(copy);
    },

    async readFeed(after, limit) {
      open();
      const parsed = feedSchema.safeParse({ after, limit });
      if (!parsed.success) {
        throw validationError('feed position', parsed.error.issues);
      }
      const events = data.events.slice(after, after + limit).map(copy);
      const last = events[events.length - 1];
      return { events, cursor: last ? last.seq : after };
    },

    async nextRef(siteId) {
      open();
      const next = (data.counters.get(siteId) ?? 1000) + 1;
      data.counters.set(siteId, next);
      return next;
    },

    async findIdempotency(siteId, idempotencyKey) {
      open();
      const seen = data.idempotency.get(key(siteId, idempotencyKey));
      return seen ? { ...seen } : null;
    },

    async putRequester(r) {
      open();
      const k = key(r.siteId, r.id);
      const before = data.requesters.get(k);
      const stored = copy(r);
      data.requesters.set(k, stored);
      reindexRequester(before, stored);
    },
    async getRequester(siteId, id) {
      open();
      const r = data.requesters.get(key(siteId, id));
      return r ? copy(r) : null;
    },
    async findRequesterByEmail(siteId, email) {
      open();
      const id = data.requesterEmails.get(key(siteId, email.toLowerCase()));
      const r =
        id === undefined ? undefined : data.requesters.get(key(siteId, id));
      return r ? copy(r) : null;
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

    ...createMapRecords(data.records, open),

    async close() {
      closed = true;
    },
  };
}
