import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createOrganizations } from './organizations.js';

const file = (email: string, subject = `Ticket of ${email}`) => ({
  subject,
  description: 'Filed by the organization test.',
  requester: { email },
});

async function setup() {
  const env = await staffedDesk();
  const orgs = createOrganizations(env.desk);
  const acme = await orgs.createOrganization(
    { id: 'acme', name: 'Acme', domains: ['acme.example'], shareTickets: true },
    env.staff.supervisor,
  );
  return { ...env, orgs, acme };
}

const reader = (email: string, requesterId: string | null = null) => ({
  email,
  requesterId,
});

describe('organizations', () => {
  it('lets a colleague of a sharing organization read, by domain', async () => {
    const { desk, orgs } = await setup();
    const ada = await desk.submit(file('ada@acme.example'));
    const bob = await desk.submit(file('bob@acme.example'));
    await orgs.idle();

    const asBob = reader('bob@acme.example', bob.ticket.requesterId);
    expect(await orgs.canRead(ada.ticket, asBob)).toBe(true);
    const shared = await orgs.listSharedTickets(asBob);
    expect(shared.map((t) => t.id).sort()).toEqual(
      [ada.ticket.id, bob.ticket.id].sort(),
    );
  });

  it('counts an explicit member whose address has another domain', async () => {
    const { desk, orgs, staff } = await setup();
    const ada = await desk.submit(file('ada@acme.example'));
    const contractor = await desk.submit(file('cy@contractor.example'));
    const asCy = reader('cy@contractor.example', contractor.ticket.requesterId);
    expect(await orgs.canRead(ada.ticket, asCy)).toBe(false);

    await orgs.addMember(
      'acme',
      { email: 'cy@contractor.example' },
      staff.supervisor,
    );
    expect(await orgs.canRead(ada.ticket, asCy)).toBe(true);
    const asAda = reader('ada@acme.example', ada.ticket.requesterId);
    expect(await orgs.canRead(contractor.ticket, asAda)).toBe(true);
    await orgs.removeMember(
      'acme',
      { email: 'cy@contractor.example' },
      staff.supervisor,
    );
    expect(await orgs.canRead(ada.ticket, asCy)).toBe(false);
  });

  it('keeps tickets private where the organization does not share', async () => {
    const { desk, orgs, staff } = await setup();
    const ada = await desk.submit(file('ada@acme.example'));
    await orgs.updateOrganization(
      'acme',
      { shareTickets: false },
      staff.supervisor,
    );
    const asBob = reader('bob@acme.example');
    expect(await orgs.canRead(ada.ticket, asBob)).toBe(false);
    expect(await orgs.listSharedTickets(asBob)).toEqual([]);
  });

  it('never shows another organization its tickets', async () => {
    const { desk, orgs, staff } = await setup();
    await orgs.createOrganization(
      {
        id: 'globex',
        name: 'Globex',
        domains: ['globex.example'],
        shareTickets: true,
      },
      staff.supervisor,
    );
    const ada = await desk.submit(file('ada@acme.example'));
    const gil = await desk.submit(file('gil@globex.example'));
    await orgs.idle();
    const asGil = reader('gil@globex.example', gil.ticket.requesterId);
    expect(await orgs.canRead(ada.ticket, asGil)).toBe(false);
    const shared = await orgs.listSharedTickets(asGil);
    expect(shared.map((t) => t.id)).toEqual([gil.ticket.id]);
    // A subdomain is another domain.
    expect(
      await orgs.canRead(ada.ticket, reader('eve@mail.acme.example')),
    ).toBe(false);
  });

  it('never shows another site its tickets, even for the same domain', async () => {
    const { desk, orgs } = await setup();
    const ada = await desk.submit(file('ada@acme.example'));
    const other = createDesk({ store: desk.store, siteId: 'other-site' });
    await other.createAgent({ id: 'olga', name: 'Olga', role: 'supervisor' });
    const otherOrgs = createOrganizations(other);
    await otherOrgs.createOrganization(
      {
        id: 'acme',
        name: 'Acme',
        domains: ['acme.example'],
        shareTickets: true,
      },
      { role: 'supervisor', id: 'olga' },
    );
    const asBob = reader('bob@acme.example');
    expect(await otherOrgs.canRead(ada.ticket, asBob)).toBe(false);
    expect(await otherOrgs.listSharedTickets(asBob)).toEqual([]);
    expect(await orgs.canRead(ada.ticket, asBob)).toBe(true);
  });

  it('records members of a domain added after their tickets', async () => {
    const { desk, orgs, staff } = await setup();
    const old = await desk.submit(file('ina@initech.example'));
    const ina2 = await desk.submit(file('joe@initech.example'));
    await orgs.createOrganization(
      {
        id: 'initech',
        name: 'Initech',
        domains: ['initech.example'],
        shareTickets: true,
      },
      staff.supervisor,
    );
    const members = await orgs.listMembers('initech');
    expect(members.map((m) => m.via)).toEqual(['domain', 'domain']);
    const shared = await orgs.listSharedTickets(reader('joe@initech.example'));
    expect(shared.map((t) => t.id).sort()).toEqual(
      [old.ticket.id, ina2.ticket.id].sort(),
    );
  });

  it('validates organizations and lets only supervisors change them', async () => {
    const { orgs, staff } = await setup();
    await expect(
      orgs.createOrganization(
        { name: 'Mail', domains: ['gmail.com'] },
        staff.supervisor,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      orgs.createOrganization(
        { name: 'Copy', domains: ['ACME.example'] },
        staff.supervisor,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      orgs.createOrganization({ name: 'Nope' }, staff.agent),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(orgs.getOrganization('missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('forgets memberships when an organization is deleted', async () => {
    const { desk, orgs, staff } = await setup();
    const ada = await desk.submit(file('ada@acme.example'));
    await orgs.idle();
    await orgs.deleteOrganization('acme', staff.supervisor);
    expect(await orgs.listMembers('acme')).toEqual([]);
    expect(await orgs.canRead(ada.ticket, reader('bob@acme.example'))).toBe(
      false,
    );
  });
});

describe('organizations on a fresh store', () => {
  it('start empty', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    expect(await createOrganizations(desk).listOrganizations()).toEqual([]);
  });
});

describe('creating an organization twice at once', () => {
  it('keeps one and answers the other ALREADY_EXISTS, not a version conflict', async () => {
    const env = await staffedDesk();
    const orgs = createOrganizations(env.desk);
    const make = () =>
      orgs.createOrganization(
        { id: 'globex', name: 'Globex', domains: ['globex.example'] },
        env.staff.supervisor,
      );
    const results = await Promise.allSettled([make(), make()]);
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'made' : (r.reason as { code: string }).code,
    );
    expect(codes.sort()).toEqual(['ALREADY_EXISTS', 'made']);
  });
});
