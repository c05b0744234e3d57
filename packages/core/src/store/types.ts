import type { Status } from '../public/vocabulary.js';
import type { Priority } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type {
  AccessToken,
  Agent,
  Credential,
  Requester,
  Team,
} from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import type { RecordMethods } from './records.js';

/**
 * What a backend can do beyond the contract. Each `false` should come
 * with a written reason in the adapter's docs.
 */
export interface StoreCapabilities {
  /**
   * Each write (ticket, event, idempotency key) is all or nothing in
   * the backend itself, crash included: a transaction, one statement or
   * one appended record. Every store is atomic to its callers; `false`
   * means a crash can leave half a write for the store to repair.
   */
  transactions: boolean;
  /**
   * Other processes' writes can be heard through a subscribe method of
   * the adapter's own; the contract itself only has `readFeed`.
   */
  changeNotifications: boolean;
  /**
   * Subject and description can be searched through a method of the
   * adapter's own; `TicketQuery` has no text filter yet.
   */
  fullText: boolean;
  /**
   * Several store objects, in one process or several, may open the same
   * data at once, and every guarantee holds between them. `false`: one
   * owner only (a file locked by one process, memory).
   */
  sharedAccess: boolean;
}

/** An event before the store numbers it in its change feed. */
export type NewEvent = Omit<AuditEvent, 'seq'>;

/** Creating a ticket with its first event, optionally idempotent. */
export interface CreateWrite {
  ticket: Ticket;
  event: NewEvent;
  /** Same key and fingerprint: the first result; other fingerprint: error. */
  idempotency?: { key: string; fingerprint: string };
}

/** An idempotency key's first use: what it opened, and the fingerprint. */
export interface IdempotencyEntry {
  ticketId: string;
  fingerprint: string;
}

/** What `createTicket` answers. `replayed` is true for a retried key. */
export interface CreateResult {
  ticket: Ticket;
  event: AuditEvent;
  replayed: boolean;
}

/** A change to a ticket read at `expectedVersion`. */
export interface CommitWrite {
  ticket: Ticket;
  expectedVersion: number;
  event: NewEvent;
}

/** Sort orders for lists; every one ends on `id` so pages are stable. */
export const TICKET_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'dueAt',
] as const;

export type TicketSort = (typeof TICKET_SORTS)[number];

/** Filters, order and page of a ticket list. */
export interface TicketQuery {
  status?: Status[];
  teamId?: string;
  assigneeId?: string;
  /** `true`: only tickets nobody holds (no assignee), whatever their status. */
  unassigned?: boolean;
  requesterId?: string;
  priority?: Priority[];
  category?: string;
  /** Tickets whose `dueAt` is at or before this instant. */
  dueBefore?: string;
  sort?: TicketSort;
  limit?: number;
  cursor?: string | null;
}

/** One page of tickets; `nextCursor` is null on the last page. */
export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

/** Events after a feed position, in the order they were written. */
export interface FeedPage {
  events: AuditEvent[];
  /** Pass back to read on; unchanged when nothing new was read. */
  cursor: number;
}

/**
 * The storage contract. Core defines it, adapters implement it, and
 * `@ticketry/core/testing` proves an implementation keeps it.
 */
export interface TicketStore extends RecordMethods {
  /** Backend name used in errors, e.g. `memory`, `sqlite`. */
  readonly backend: string;
  readonly capabilities: StoreCapabilities;

  createTicket(write: CreateWrite): Promise<CreateResult>;
  /** Writes ticket and event together or throws ConflictError. */
  commit(write: CommitWrite): Promise<AuditEvent>;
  getTicket(siteId: string, id: string): Promise<Ticket | null>;
  getTicketByRef(siteId: string, ref: string): Promise<Ticket | null>;
  listTickets(siteId: string, query: TicketQuery): Promise<TicketPage>;
  listEvents(siteId: string, ticketId: string): Promise<AuditEvent[]>;
  /** The change feed across all sites, after a position (0: start). */
  readFeed(after: number, limit: number): Promise<FeedPage>;
  /** The next ticket number of a site; never the same twice. */
  nextRef(siteId: string): Promise<number>;
  /**
   * The ticket an idempotency key of a site opened, with the request's
   * fingerprint; null when unused (or, where keys expire, expired).
   * Read before anything is written, so a refused reuse writes nothing.
   */
  findIdempotency(
    siteId: string,
    key: string,
  ): Promise<IdempotencyEntry | null>;

  putRequester(requester: Requester): Promise<void>;
  getRequester(siteId: string, id: string): Promise<Requester | null>;
  findRequesterByEmail(
    siteId: string,
    email: string,
  ): Promise<Requester | null>;

  putAgent(agent: Agent): Promise<void>;
  getAgent(siteId: string, id: string): Promise<Agent | null>;
  listAgents(siteId: string): Promise<Agent[]>;
  putTeam(team: Team): Promise<void>;
  getTeam(siteId: string, id: string): Promise<Team | null>;
  listTeams(siteId: string): Promise<Team[]>;

  putCredential(credential: Credential): Promise<void>;
  findCredential(hash: string): Promise<Credential | null>;
  putAccessToken(token: AccessToken): Promise<void>;
  findAccessToken(hash: string): Promise<AccessToken | null>;

  /** Releases connections and files; the store is unusable after. */
  close(): Promise<void>;
}
