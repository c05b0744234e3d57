import type { DeskCore } from '../desk/desk-types.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  addMembership,
  orgIdsOf,
  removeMembership,
  rosterOf,
} from './org-members.js';
import { domainOf, type Organization } from './org-schema.js';

/**
 * Who reads: the requester record of an identified person, if any, and
 * the address the host site VERIFIED (an identity token's). Never pass
 * an address a request merely claims: domain membership trusts it.
 */
export interface OrgReader {
  requesterId: string | null;
  email: string;
}

/** The most shared tickets one call answers. */
export const MAX_SHARED_PAGE = 100;

const TICKET_PAGE = 500;

/** Organization membership and the reading rules built on it. */
export function createOrgAccess(
  core: DeskCore,
  listOrganizations: () => Promise<Organization[]>,
  read: (id: string) => Promise<{ org: Organization }>,
) {
  const { store, siteId } = core;

  async function emailOf(requesterId: string): Promise<string> {
    const r = await store.getRequester(siteId, requesterId);
    return r && !r.erasedAt ? r.email : '';
  }

  /** Organizations a person belongs to, explicitly or by domain. */
  async function organizationsOf(reader: OrgReader): Promise<Organization[]> {
    const explicit = reader.requesterId
      ? await orgIdsOf(core, reader.requesterId)
      : [];
    const domain = domainOf(reader.email);
    return (await listOrganizations()).filter(
      (o) => explicit.includes(o.id) || (domain && o.domains.includes(domain)),
    );
  }

  /** Organizations of a ticket's requester, from the stored address. */
  async function orgsOfRequester(requesterId: string) {
    const email = await emailOf(requesterId);
    return organizationsOf({ requesterId, email });
  }

  /**
   * Whether a reader may read a ticket: their own, or a ticket of a
   * fellow member of an organization that shares tickets. The desk's
   * site is the only one ever read, so no site sees another's.
   */
  async function canRead(ticket: Ticket, reader: OrgReader): Promise<boolean> {
    if (ticket.siteId !== siteId) return false;
    if (reader.requesterId && ticket.requesterId === reader.requesterId) {
      return true;
    }
    const mine = (await organizationsOf(reader)).filter((o) => o.shareTickets);
    if (mine.length === 0) return false;
    const theirs = await orgsOfRequester(ticket.requesterId);
    return theirs.some((o) => mine.some((m) => m.id === o.id));
  }

  /**
   * The newest tickets of the reader's sharing organizations (their
   * own included), at most {@link MAX_SHARED_PAGE}; no further pages.
   */
  async function listSharedTickets(
    reader: OrgReader,
    limit = 50,
  ): Promise<Ticket[]> {
    const size = Math.min(Math.max(1, limit), MAX_SHARED_PAGE);
    const orgs = (await organizationsOf(reader)).filter((o) => o.shareTickets);
    const ids = new Set<string>();
    if (reader.requesterId) ids.add(reader.requesterId);
    for (const org of orgs) {
      for (const m of await rosterOf(core, org.id)) ids.add(m.requesterId);
    }
    const pages = await Promise.all(
      [...ids].map((requesterId) =>
        store.listTickets(siteId, {
          requesterId,
          sort: '-createdAt',
          limit: size,
        }),
      ),
    );
    return pages
      .flatMap((p) => p.items)
      .sort((a, b) =>
        a.createdAt === b.createdAt
          ? b.id.localeCompare(a.id)
          : b.createdAt.localeCompare(a.createdAt),
      )
      .slice(0, size);
  }

  /** Records a requester in every organization of their domain. */
  async function joinByDomain(requesterId: string) {
    const domain = domainOf(await emailOf(requesterId));
    if (!domain) return;
    for (const org of await listOrganizations()) {
      if (org.domains.includes(domain)) {
        await addMembership(core, org.id, requesterId, 'domain');
      }
    }
  }

  /**
   * Brings an organization's domain members up to date after its
   * domains changed: drops those who no longer match, and records the
   * requesters of the site's tickets who do (one pass over tickets).
   */
  async function syncDomains(org: Organization) {
    for (const m of await rosterOf(core, org.id)) {
      if (m.via !== 'domain') continue;
      const domain = domainOf(await emailOf(m.requesterId));
      if (!org.domains.includes(domain)) {
        await removeMembership(core, org.id, m.requesterId);
      }
    }
    if (org.domains.length === 0) return;
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await store.listTickets(siteId, {
        sort: 'createdAt',
        limit: TICKET_PAGE,
        cursor,
      });
      for (const t of page.items) {
        if (seen.has(t.requesterId)) continue;
        seen.add(t.requesterId);
        const domain = domainOf(await emailOf(t.requesterId));
        if (org.domains.includes(domain)) {
          await addMembership(core, org.id, t.requesterId, 'domain');
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }

  return {
    joinByDomain,
    syncDomains,
    methods: {
      organizationsOf,
      canRead,
      listSharedTickets,
      /** The organizations of a ticket's requester. */
      organizationsOfTicket: async (t: Ticket) =>
        orgsOfRequester(t.requesterId),
      /** Whether an organization exists; throws NOT_FOUND otherwise. */
      requireOrganization: async (id: string) => (await read(id)).org,
    },
  };
}
