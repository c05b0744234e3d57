import {
  createApprovals,
  createDesk,
  createManualClock,
  createOrganizations,
  createWatchers,
  rebuildTicket,
  verifyAudit,
} from '@ticketry/core';
import { PEOPLE_FLOWS } from '@ticketry/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStore } from './index.js';
import { sqliteProbe, tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

async function staffed(filename: string) {
  const clock = createManualClock('2024-03-04T09:00:00.000Z');
  const desk = createDesk({ store: sqliteStore({ filename }), clock });
  await desk.createTeam({ id: 'net', name: 'Network' });
  await desk.createAgent({
    id: 'noor',
    name: 'Noor',
    role: 'supervisor',
    teamIds: ['net'],
  });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  return desk;
}

const noor = { role: 'supervisor', id: 'noor' } as const;
const ada = { role: 'agent', id: 'ada' } as const;

describe('people on the sqlite store', () => {
  for (const flow of PEOPLE_FLOWS) {
    it(flow.name, async () => {
      const store = sqliteStore({ filename: files.file('flow') });
      try {
        await flow.run(store);
      } finally {
        await store.close();
      }
    });
  }

  it('keeps watchers and an approval across a reopen, rebuildable from events', async () => {
    const filename = files.file('people');
    const desk = await staffed(filename);
    const approvals = createApprovals(desk, {
      rules: [{ ticketType: 'change', approvers: 'team_supervisor' }],
    });
    const watchers = createWatchers(desk);
    const { ticket } = await desk.submit({
      subject: 'New VLAN for the lab',
      description: 'The lab needs its own VLAN.',
      requester: { email: 'grace@lab.example' },
    });
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', ticketType: 'change', teamId: 'net' },
      { actor: ada },
    );
    await approvals.idle();
    await watchers.addWatcher(ticket.id, { email: 'lin@lab.example' }, ada);
    await expect(approvals.approve(ticket.id, {}, ada)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await approvals.approve(ticket.id, { reason: 'Planned for Friday' }, noor);
    await desk.store.close();

    const again = createDesk({ store: sqliteStore({ filename }) });
    const stored = await again.get(ticket.id);
    expect(stored?.status).toBe('open');
    expect(stored?.approval).toMatchObject({
      status: 'approved',
      decidedBy: 'noor',
    });
    expect(stored?.watchers).toHaveLength(1);
    const events = await again.events(ticket.id);
    expect(rebuildTicket(events)).toEqual(stored);
    expect((await verifyAudit(again.store, 'default', ticket.id)).ok).toBe(
      true,
    );
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'ticket.pended',
        'ticket.approval_requested',
        'ticket.watcher_added',
        'ticket.approval_granted',
        'ticket.resumed',
      ]),
    );
    const probe = sqliteProbe(filename);
    const raw = await probe.readTicket('default', ticket.id);
    probe.close();
    expect(raw?.approval).toMatchObject({ status: 'approved' });
    const listed = await createWatchers(again).listWatchers(ticket.id);
    expect(listed.map((w) => w.email)).toEqual(['lin@lab.example']);
    await again.store.close();
  });

  it('keeps organizations and memberships as records', async () => {
    const filename = files.file('orgs');
    const desk = await staffed(filename);
    const orgs = createOrganizations(desk);
    const first = await desk.submit({
      subject: 'Badge reader broken',
      description: 'Door 3 ignores badges.',
      requester: { email: 'ana@acme.example' },
    });
    await orgs.createOrganization(
      {
        id: 'acme',
        name: 'Acme',
        domains: ['acme.example'],
        shareTickets: true,
      },
      noor,
    );
    await desk.store.close();

    const again = createDesk({ store: sqliteStore({ filename }) });
    const reopened = createOrganizations(again);
    expect((await reopened.getOrganization('acme')).domains).toEqual([
      'acme.example',
    ]);
    expect(await reopened.listMembers('acme')).toEqual([
      { requesterId: first.ticket.requesterId, via: 'domain' },
    ]);
    const colleague = { email: 'ben@acme.example', requesterId: null };
    const ticket = await again.get(first.ticket.id);
    expect(await reopened.canRead(ticket!, colleague)).toBe(true);
    const stranger = { email: 'ben@other.example', requesterId: null };
    expect(await reopened.canRead(ticket!, stranger)).toBe(false);
    await again.store.close();
  });
});
