import { verifyAudit } from '../audit/verify.js';
import { createManualClock } from '../clock.js';
import { createDesk, type Desk } from '../desk/desk.js';
import { rebuildTicket } from '../desk/rebuild.js';
import { createRelations } from '../relations/relations.js';
import type { Actor } from '../schemas/common.js';
import type { TicketStore } from '../store/types.js';
import { check, checkEqual, checkRejects } from './assert.js';

/** One relations scenario, run on a store of the caller's. */
export interface RelationFlow {
  name: string;
  run(store: TicketStore): Promise<void>;
}

const ada: Actor = { role: 'agent', id: 'ada' };

async function setUp(store: TicketStore) {
  const clock = createManualClock('2024-03-04T09:00:00.000Z');
  const desk = createDesk({ store, clock });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['desk'],
  });
  const relations = createRelations(desk, { duplicates: false });
  const submit = async (subject: string, email = 'grace@example.com') => {
    clock.advance(60_000);
    const { ticket } = await desk.submit({
      subject,
      description: `${subject}: details.`,
      requester: { email },
    });
    return ticket;
  };
  return { desk, clock, relations, submit };
}

async function checkAudit(desk: Desk, what: string) {
  const report = await verifyAudit(desk.store, desk.siteId);
  check(report.ok, `${what}: audit broken: ${report.firstBroken?.message}`);
  for (const head of report.heads) {
    const events = await desk.events(head.ticketId);
    checkEqual(rebuildTicket(events), await desk.get(head.ticketId), what);
  }
}

const types = async (desk: Desk, id: string) =>
  (await desk.events(id)).map((e) => e.type);

async function linkFlow(store: TicketStore) {
  const { desk, relations, submit } = await setUp(store);
  const child = await submit('Laptop for the new starter');
  const parent = await submit('Onboarding of the new starter');
  const linked = await relations.link(
    child.id,
    { type: 'child_of', ticketId: parent.id },
    ada,
  );
  checkEqual(
    linked.ticket.links,
    [{ type: 'child_of', ticketId: parent.id }],
    'child links',
  );
  checkEqual(
    linked.other.links,
    [{ type: 'parent_of', ticketId: child.id }],
    'parent links',
  );
  check(linked.events.length === 2, 'one event on each ticket');
  const again = await relations.link(
    parent.id,
    { type: 'parent_of', ticketId: child.id },
    ada,
  );
  check(again.events.length === 0, 'the same link twice writes nothing');
  await checkRejects(
    () =>
      relations.link(parent.id, { type: 'child_of', ticketId: child.id }, ada),
    'LINK_CYCLE',
    'a parent as its own child',
  );
  await relations.unlink(
    parent.id,
    { type: 'parent_of', ticketId: child.id },
    ada,
  );
  check((await desk.get(child.id))?.links.length === 0, 'unlinked child');
  check((await desk.get(parent.id))?.links.length === 0, 'unlinked parent');
  checkEqual(
    await types(desk, child.id),
    ['ticket.submitted', 'ticket.linked', 'ticket.unlinked'],
    'child events',
  );
  await checkAudit(desk, 'after link and unlink');
}

async function mergeFlow(store: TicketStore) {
  const { desk, relations, submit } = await setUp(store);
  const first = await submit('VPN drops every hour');
  const second = await submit('VPN disconnects again');
  await desk.reply(
    second.id,
    { body: 'It happened at 10:00 too.' },
    {
      actor: { role: 'requester', id: second.requesterId },
    },
  );
  const other = await submit('VPN drops for me too', 'alan@example.com');
  const { ticket, target } = await relations.merge(second.id, first.id, {
    actor: ada,
  });
  check(ticket.status === 'merged' && ticket.mergedInto === first.id, 'final');
  checkEqual(
    target.links,
    [{ type: 'merged_from', ticketId: second.id }],
    'target links',
  );
  const bodies = (await desk.publicView(first.id)).messages.map((m) => m.body);
  checkEqual(
    bodies,
    [
      'VPN drops every hour: details.',
      'VPN disconnects again: details.',
      'It happened at 10:00 too.',
    ],
    'the combined public thread',
  );
  await checkRejects(
    () => desk.reply(second.id, { body: 'more' }, { actor: ada }),
    'TRANSITION_NOT_ALLOWED',
    'a reply to a merged ticket',
  );
  // A plain merge command is completed in the background.
  await desk.merge(other.id, { intoId: first.id }, { actor: ada });
  await relations.idle();
  const after = await desk.get(first.id);
  check(after?.links.length === 2, 'the second merge is linked');
  const view = await desk.publicView(first.id);
  check(view.messages.length === 3, "another requester's words stay hidden");
  await checkAudit(desk, 'after merges');
}

async function splitFlow(store: TicketStore) {
  const { desk, relations, submit } = await setUp(store);
  const source = await submit('Printer jams');
  const { event } = await desk.reply(
    source.id,
    { body: 'Also my monitor flickers.' },
    { actor: { role: 'requester', id: source.requesterId } },
  );
  const messageId = (event.data as { messageId: string }).messageId;
  const { ticket, created } = await relations.split(
    source.id,
    messageId,
    { subject: 'Monitor flickers' },
    ada,
  );
  check(created.requesterId === source.requesterId, 'same requester');
  check(created.channel === source.channel, 'same channel');
  check(created.description === 'Also my monitor flickers.', 'the message');
  checkEqual(
    created.links,
    [{ type: 'split_from', ticketId: source.id }],
    'new links',
  );
  checkEqual(
    ticket.links,
    [{ type: 'split_into', ticketId: created.id }],
    'source links',
  );
  check(
    (await types(desk, created.id)).includes('ticket.split'),
    'audited on the new ticket',
  );
  check(
    (await types(desk, source.id)).includes('ticket.split'),
    'audited on the source',
  );
  await checkAudit(desk, 'after split');
}

/**
 * Link, unlink, merge and split through a desk on the given store,
 * checking both sides, the public thread and the audit chains. Each
 * flow needs an empty store.
 */
export const RELATION_FLOWS: readonly RelationFlow[] = [
  {
    name: 'links both tickets, refuses a loop and unlinks both',
    run: linkFlow,
  },
  {
    name: 'merges threads into the target and leaves the merged ticket final',
    run: mergeFlow,
  },
  {
    name: 'splits a message into a new ticket linked both ways',
    run: splitFlow,
  },
];
