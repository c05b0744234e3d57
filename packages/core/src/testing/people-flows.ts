import { verifyAudit } from '../audit/verify.js';
import { createManualClock } from '../clock.js';
import { createDesk, type Desk } from '../desk/desk.js';
import { rebuildTicket } from '../desk/rebuild.js';
import { createApprovals } from '../people/approvals.js';
import { createOrganizations } from '../people/organizations.js';
import { recipientsFor } from '../people/recipients.js';
import { createWatchers } from '../people/watchers.js';
import type { Actor } from '../schemas/common.js';
import type { TicketStore } from '../store/types.js';
import { check, checkEqual, checkRejects } from './assert.js';

/** One people scenario (organizations, watchers, approvals) on a store. */
export interface PeopleFlow {
  name: string;
  run(store: TicketStore): Promise<void>;
}

const ada: Actor = { role: 'agent', id: 'ada' };
const noor: Actor = { role: 'supervisor', id: 'noor' };

async function setUp(store: TicketStore, siteId = 'default') {
  const clock = createManualClock('2024-03-04T09:00:00.000Z');
  const desk = createDesk({ store, clock, siteId });
  await desk.createTeam({ id: 'net', name: 'Network' });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent' });
  await desk.createAgent({
    id: 'noor',
    name: 'Noor',
    role: 'supervisor',
    teamIds: ['net'],
  });
  const submit = async (email: string, subject = `Request of ${email}`) => {
    clock.advance(60_000);
    const done = await desk.submit({
      subject,
      description: `${subject}: details.`,
      requester: { email },
    });
    return done.ticket;
  };
  return { desk, clock, submit };
}

async function checkAudit(desk: Desk, what: string) {
  const report = await verifyAudit(desk.store, desk.siteId);
  check(report.ok, `${what}: audit broken: ${report.firstBroken?.message}`);
  for (const head of report.heads) {
    const events = await desk.events(head.ticketId);
    checkEqual(rebuildTicket(events), await desk.get(head.ticketId), what);
  }
}

async function approvalFlow(store: TicketStore) {
  const { desk, submit } = await setUp(store);
  const approvals = createApprovals(desk, {
    rules: [{ ticketType: 'change', approvers: 'team_supervisor' }],
  });
  const first = await submit('grace@lab.example', 'New VLAN for the lab');
  const second = await submit('grace@lab.example', 'Open port 8443');
  const typed = {
    impact: 'low',
    urgency: 'low',
    ticketType: 'change',
    teamId: 'net',
  } as const;
  for (const t of [first, second]) {
    await desk.triage(t.id, typed, { actor: ada });
  }
  await approvals.idle();
  const pending = await approvals.listPending({ actor: noor });
  checkEqual(pending.items.length, 2, 'waiting for noor');
  await checkRejects(
    () => approvals.approve(first.id, {}, ada),
    'FORBIDDEN',
    'an agent who is no approver',
  );
  const granted = await approvals.approve(first.id, { reason: 'Ok' }, noor);
  checkEqual(granted.ticket.status, 'open', 'approved ticket');
  const refused = await approvals.reject(second.id, { reason: 'No' }, noor);
  checkEqual(refused.ticket.status, 'cancelled', 'refused ticket');
  const stored = await desk.get(first.id);
  checkEqual(stored?.approval?.decidedBy, 'noor', 'decision kept');
  await checkAudit(desk, 'approvals');
}

async function watcherFlow(store: TicketStore) {
  const { desk, submit } = await setUp(store);
  const watchers = createWatchers(desk);
  const t = await submit('grace@example.com');
  const lin = await watchers.addWatcher(
    t.id,
    { email: 'lin@example.com' },
    ada,
  );
  await watchers.addWatcher(t.id, { email: 'kim@example.com' }, ada);
  const asLin: Actor = { role: 'requester', id: lin.requesterId };
  await watchers.removeWatcher(t.id, { email: 'lin@example.com' }, asLin);
  const listed = await watchers.listWatchers(t.id);
  checkEqual(
    listed.map((w) => w.email),
    ['kim@example.com'],
    'watchers left',
  );
  const note = await desk.note(t.id, { body: 'Internal.' }, { actor: ada });
  const reply = await desk.reply(t.id, { body: 'Public.' }, { actor: ada });
  const heard = async (r: typeof note) =>
    (await recipientsFor(desk, r.ticket, r.event)).map((p) => p.email);
  checkEqual(await heard(note), [], 'a note reaches nobody');
  checkEqual(
    await heard(reply),
    ['grace@example.com', 'kim@example.com'],
    'a reply reaches requester and watchers',
  );
  await checkAudit(desk, 'watchers');
}

async function organizationFlow(store: TicketStore) {
  const { desk, submit } = await setUp(store);
  const orgs = createOrganizations(desk);
  const acme = await submit('ana@acme.example');
  await orgs.createOrganization(
    { id: 'acme', name: 'Acme', domains: ['acme.example'], shareTickets: true },
    noor,
  );
  const bob = await submit('bob@acme.example');
  await orgs.idle();
  const colleague = { email: 'bob@acme.example', requesterId: bob.requesterId };
  check(await orgs.canRead(acme, colleague), 'a colleague reads');
  const shared = await orgs.listSharedTickets(colleague);
  checkEqual(shared.length, 2, 'shared tickets');
  const stranger = { email: 'eve@evil.example', requesterId: null };
  check(!(await orgs.canRead(acme, stranger)), 'a stranger does not read');

  const other = await setUp(store, 'other-site');
  const otherOrgs = createOrganizations(other.desk);
  check(
    !(await otherOrgs.canRead(acme, colleague)),
    'another site does not read',
  );
  await orgs.updateOrganization('acme', { shareTickets: false }, noor);
  check(!(await orgs.canRead(acme, colleague)), 'sharing off');
}

/**
 * Organizations, watchers and approvals through a desk on the given
 * store. Each flow needs an empty store.
 */
export const PEOPLE_FLOWS: readonly PeopleFlow[] = [
  {
    name: 'gates a change until the team supervisor decides',
    run: approvalFlow,
  },
  {
    name: 'adds and removes watchers, who hear public replies only',
    run: watcherFlow,
  },
  {
    name: 'shares tickets within an organization and site only',
    run: organizationFlow,
  },
];
