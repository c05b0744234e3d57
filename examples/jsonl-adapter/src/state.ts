import type {
  AccessToken,
  Agent,
  AuditEvent,
  Credential,
  Requester,
  StoredRecord,
  Team,
  Ticket,
} from '@ticketry/core';
import type { Line } from './lines.js';
import { recordAddress } from './records.js';

/** The map of one site inside a map of sites, made on first use. */
function site<V>(sites: Map<string, Map<string, V>>, siteId: string) {
  let inner = sites.get(siteId);
  if (!inner) {
    inner = new Map();
    sites.set(siteId, inner);
  }
  return inner;
}

/**
 * The in-memory indexes of the file, rebuilt on open by applying its
 * lines in order and kept up to date by applying each line once it is
 * in the file. Maps are keyed by site first, then by id: no separator
 * glues a site id to anything. A `Map` keeps the order in which keys
 * were first set, which is the "first put" order the contract asks
 * for when listing agents and teams.
 */
export class MemoryIndex {
  readonly tickets = new Map<string, Map<string, Ticket>>();
  readonly refs = new Map<string, Map<string, string>>();
  readonly events = new Map<string, Map<string, AuditEvent[]>>();
  readonly eventIds = new Set<string>();
  readonly feed: AuditEvent[] = [];
  readonly keys = new Map<
    string,
    Map<string, { fingerprint: string; ticketId: string }>
  >();
  readonly counters = new Map<string, number>();
  readonly requesters = new Map<string, Map<string, Requester>>();
  /** Per site and lower-cased email, the requester ids that have it. */
  readonly emails = new Map<string, Map<string, Set<string>>>();
  /** Per site, the position of each requester's first put. */
  readonly firstPut = new Map<string, Map<string, number>>();
  readonly agents = new Map<string, Map<string, Agent>>();
  readonly teams = new Map<string, Map<string, Team>>();
  readonly credentials = new Map<string, Credential>();
  readonly tokens = new Map<string, AccessToken>();
  /** Versioned records by {@link recordAddress}. */
  readonly records = new Map<string, StoredRecord>();
  private puts = 0;

  /** The highest feed position handed out so far. */
  get lastSeq(): number {
    return this.feed.at(-1)?.seq ?? 0;
  }

  /** Applies one line of the file. */
  apply(line: Line): void {
    switch (line.k) {
      case 'header':
        return;
      case 'create':
        site(this.refs, line.ticket.siteId).set(
          line.ticket.ref,
          line.ticket.id,
        );
        if (line.idempotency) {
          site(this.keys, line.ticket.siteId).set(line.idempotency.key, {
            fingerprint: line.idempotency.fingerprint,
            ticketId: line.ticket.id,
          });
        }
        this.write(line.ticket, line.event);
        return;
      case 'commit':
        this.write(line.ticket, line.event);
        return;
      case 'ref':
        this.counters.set(line.siteId, line.value);
        return;
      case 'requester':
        this.putRequester(line.record);
        return;
      case 'agent':
        site(this.agents, line.record.siteId).set(line.record.id, line.record);
        return;
      case 'team':
        site(this.teams, line.record.siteId).set(line.record.id, line.record);
        return;
      case 'credential':
        this.credentials.set(line.record.hash, line.record);
        return;
      case 'token':
        this.tokens.set(line.record.hash, line.record);
        return;
      case 'record': {
        const { siteId, kind, key } = line.record;
        this.records.set(recordAddress(siteId, kind, key), line.record);
        return;
      }
      case 'record-delete':
        this.records.delete(recordAddress(line.siteId, line.kind, line.key));
    }
  }

  private write(ticket: Ticket, event: AuditEvent) {
    site(this.tickets, ticket.siteId).set(ticket.id, ticket);
    const events = site(this.events, event.siteId);
    const list = events.get(event.ticketId) ?? [];
    list.push(event);
    events.set(event.ticketId, list);
    this.eventIds.add(event.id);
    this.feed.push(event);
  }

  private putRequester(record: Requester) {
    const people = site(this.requesters, record.siteId);
    const before = people.get(record.id);
    const emails = site(this.emails, record.siteId);
    if (before) emails.get(before.email.toLowerCase())?.delete(record.id);
    people.set(record.id, record);
    const order = site(this.firstPut, record.siteId);
    if (!order.has(record.id)) order.set(record.id, this.puts++);
    const key = record.email.toLowerCase();
    emails.set(key, (emails.get(key) ?? new Set()).add(record.id));
  }

  /** The requester put first among those of `siteId` with this email. */
  requesterByEmail(siteId: string, email: string): Requester | null {
    const ids = this.emails.get(siteId)?.get(email.toLowerCase()) ?? [];
    const order = this.firstPut.get(siteId);
    let first: string | null = null;
    for (const id of ids) {
      if (first === null || order!.get(id)! < order!.get(first)!) first = id;
    }
    return first === null ? null : this.requesters.get(siteId)!.get(first)!;
  }

  /** The events after a feed position, at most `limit` of them. */
  feedAfter(after: number, limit: number): AuditEvent[] {
    let low = 0;
    let high = this.feed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.feed[mid]!.seq <= after) low = mid + 1;
      else high = mid;
    }
    return this.feed.slice(low, low + limit);
  }
}
