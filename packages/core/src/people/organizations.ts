import {
  ConflictError,
  shown,
  TicketryError,
  validationError,
} from '../errors.js';
import { createId } from '../ids.js';
import { EMAIL_PATTERN } from '../public/text.js';
import type { Actor } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { missingRecord } from '../store/records.js';
import { createOrgAccess } from './org-access.js';
import { addMembership, removeMembership, rosterOf } from './org-members.js';
import {
  domainOf,
  ORG_KINDS,
  type Organization,
  type OrganizationInput,
  type OrganizationPatch,
  organizationInputSchema,
  organizationPatchSchema,
  organizationSchema,
} from './org-schema.js';
import { checkStaff, type PeopleDesk } from './people-desk.js';

/** Who a membership change names: a requester id or an address. */
export type MemberRef = { requesterId: string } | { email: string };

/**
 * Organizations that requesters belong to, by explicit membership or
 * by the domain of their address, kept as `org` records. Where an
 * organization shares tickets, an identified member may read (never
 * write) the tickets of the other members; see `canRead`. Only
 * supervisors (and the system) change organizations.
 *
 * @example
 * const orgs = createOrganizations(desk);
 * await orgs.createOrganization(
 *   { name: 'Acme', domains: ['acme.example'], shareTickets: true },
 *   supervisor,
 * );
 */
export function createOrganizations(desk: PeopleDesk) {
  const { core } = desk;
  const { store, siteId } = core;
  const inFlight = new Set<Promise<unknown>>();

  async function read(id: string) {
    const found = await store.getRecord(siteId, ORG_KINDS.org, id);
    if (!found) throw missingRecord('organization', id);
    return {
      org: organizationSchema.parse(found.value),
      version: found.version,
    };
  }

  async function listOrganizations(): Promise<Organization[]> {
    const rows = await store.listRecords(siteId, ORG_KINDS.org, {
      limit: 1000,
    });
    return rows.map((r) => organizationSchema.parse(r.value));
  }

  async function checkDomains(org: Organization) {
    for (const other of await listOrganizations()) {
      const taken = org.domains.find((d) => other.domains.includes(d));
      if (other.id !== org.id && taken) {
        throw new TicketryError(
          'VALIDATION_FAILED',
          `${taken} already belongs to organization ${other.id}`,
          { details: { path: ['domains'], domain: taken } },
        );
      }
    }
  }

  async function write(org: Organization, expectedVersion: number) {
    await checkDomains(org);
    await store.putRecord({
      siteId,
      kind: ORG_KINDS.org,
      key: org.id,
      value: org,
      expectedVersion,
      at: core.clock.now().toISOString(),
    });
    await access.syncDomains(org);
    return org;
  }

  async function createOrganization(
    input: OrganizationInput,
    actor: Actor,
  ): Promise<Organization> {
    await checkStaff(desk, actor, 'manage organizations', true);
    const parsed = organizationInputSchema.safeParse(input);
    if (!parsed.success) {
      throw validationError('organization', parsed.error.issues);
    }
    const { id, ...rest } = parsed.data;
    const exists = () =>
      new TicketryError('ALREADY_EXISTS', `organization ${id} already exists`, {
        details: { path: ['id'], id },
      });
    if (id && (await store.getRecord(siteId, ORG_KINDS.org, id))) {
      throw exists();
    }
    const at = core.clock.now().toISOString();
    try {
      return await write({ id: id ?? createId(), ...rest, createdAt: at }, 0);
    } catch (error) {
      // Another writer created the same id since the check above.
      if (id && error instanceof ConflictError) throw exists();
      throw error;
    }
  }

  async function updateOrganization(
    id: string,
    patch: OrganizationPatch,
    actor: Actor,
  ): Promise<Organization> {
    await checkStaff(desk, actor, 'manage organizations', true);
    const parsed = organizationPatchSchema.safeParse(patch);
    if (!parsed.success) {
      throw validationError('organization', parsed.error.issues);
    }
    const { org, version } = await read(id);
    return write({ ...org, ...parsed.data }, version);
  }

  async function deleteOrganization(id: string, actor: Actor) {
    await checkStaff(desk, actor, 'manage organizations', true);
    const { version } = await read(id);
    await store.deleteRecord(siteId, ORG_KINDS.org, id, version);
    for (const m of await rosterOf(core, id)) {
      await removeMembership(core, id, m.requesterId);
    }
  }

  async function requesterIdOf(who: MemberRef): Promise<string> {
    if ('requesterId' in who) return who.requesterId;
    if (typeof who.email !== 'string' || !EMAIL_PATTERN.test(who.email)) {
      throw new TicketryError(
        'VALIDATION_FAILED',
        `not an email address: ${shown(String(who.email))}`,
        { details: { path: ['email'] } },
      );
    }
    const found = await store.findRequesterByEmail(siteId, who.email);
    if (!found) throw missingRecord('requester', who.email);
    return found.id;
  }

  async function addMember(orgId: string, who: MemberRef, actor: Actor) {
    await checkStaff(desk, actor, 'manage organizations', true);
    await read(orgId);
    const requesterId = await requesterIdOf(who);
    if (!(await store.getRequester(siteId, requesterId))) {
      throw missingRecord('requester', requesterId);
    }
    await addMembership(core, orgId, requesterId, 'explicit');
    return { orgId, requesterId };
  }

  async function removeMember(orgId: string, who: MemberRef, actor: Actor) {
    await checkStaff(desk, actor, 'manage organizations', true);
    await removeMembership(core, orgId, await requesterIdOf(who));
  }

  const access = createOrgAccess(core, listOrganizations, read);

  // New requesters join their domain's organization as they submit.
  const stop = core.subscribe((event: AuditEvent, t: Ticket) => {
    if (event.type !== 'ticket.submitted') return;
    const run = access.joinByDomain(t.requesterId).catch(() => {});
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  });

  return {
    createOrganization,
    updateOrganization,
    deleteOrganization,
    getOrganization: async (id: string) => (await read(id)).org,
    listOrganizations,
    addMember,
    removeMember,
    /** The requesters recorded in an organization, and how. */
    listMembers: (orgId: string) => rosterOf(core, orgId),
    ...access.methods,
    /** The domain of an address, as organizations match it. */
    domainOf,
    /** Resolves when memberships started by submissions are written. */
    idle: async () => {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    stop,
  };
}

/** Organizations made by {@link createOrganizations}. */
export type Organizations = ReturnType<typeof createOrganizations>;
