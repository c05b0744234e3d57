import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { rebuildTicket } from '../desk/rebuild.js';
import { recipientsFor } from './recipients.js';
import { createWatchers } from './watchers.js';

async function setup() {
  const env = await staffedDesk();
  const { ticket } = await env.desk.submit({
    subject: 'Projector in room 4 flickers',
    description: 'The image flickers every few seconds.',
    requester: { email: 'grace@example.com', name: 'Grace' },
  });
  return { ...env, ticket, watchers: createWatchers(env.desk) };
}

describe('watchers', () => {
  it('adds a CC as a requester id on the ticket, audited, once', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    const lin = { email: 'Lin@Example.com', name: 'Lin' };
    const added = await watchers.addWatcher(ticket.id, lin, staff.agent);
    const again = await watchers.addWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      staff.system,
    );

    expect(added.changed).toBe(true);
    expect(again.changed).toBe(false);
    expect(added.ticket.watchers).toEqual([added.requesterId]);
    const events = await desk.events(ticket.id);
    const adds = events.filter((e) => e.type === 'ticket.watcher_added');
    expect(adds).toHaveLength(1);
    expect(adds[0]?.actor).toEqual(staff.agent);
    expect(JSON.stringify(adds[0])).not.toContain('Lin@Example.com');
    expect(await watchers.listWatchers(ticket.id)).toEqual([
      { requesterId: added.requesterId, email: 'Lin@Example.com', name: 'Lin' },
    ]);
    const stored = await desk.get(ticket.id);
    expect(rebuildTicket(events)).toEqual(stored);
  });

  it('does not add the requester as their own watcher', async () => {
    const { staff, ticket, watchers } = await setup();
    const result = await watchers.addWatcher(
      ticket.id,
      { email: 'GRACE@example.com' },
      staff.agent,
    );
    expect(result.changed).toBe(false);
    expect(result.ticket.watchers ?? []).toEqual([]);
  });

  it('refuses another requester and a bad address', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    const other = await desk.submit({
      subject: 'Other',
      description: 'Another person.',
      requester: { email: 'mallory@example.com' },
    });
    const mallory = {
      role: 'requester',
      id: other.ticket.requesterId,
    } as const;
    await expect(
      watchers.addWatcher(ticket.id, { email: 'm@example.com' }, mallory),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      watchers.addWatcher(ticket.id, { email: 'not an address' }, staff.agent),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets a watcher remove themself by email, and nobody else', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    const lin = await watchers.addWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      staff.agent,
    );
    const kim = await watchers.addWatcher(
      ticket.id,
      { email: 'kim@example.com' },
      staff.agent,
    );
    const asLin = { role: 'requester', id: lin.requesterId } as const;

    await expect(
      watchers.removeWatcher(ticket.id, { email: 'kim@example.com' }, asLin),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const removed = await watchers.removeWatcher(
      ticket.id,
      { email: 'LIN@example.com' },
      asLin,
    );

    expect(removed.changed).toBe(true);
    expect(removed.ticket.watchers).toEqual([kim.requesterId]);
    const last = (await desk.events(ticket.id)).at(-1);
    expect(last?.type).toBe('ticket.watcher_removed');
    expect(last?.actor).toEqual(asLin);
  });

  it('sends public replies and resolution to watchers, never notes', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    await watchers.addWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      staff.agent,
    );
    const note = await desk.note(
      ticket.id,
      { body: 'Internal: probably the HDMI cable.' },
      { actor: staff.agent },
    );
    const reply = await desk.reply(
      ticket.id,
      { body: 'We are sending someone.' },
      { actor: staff.agent },
    );
    const resolved = await desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'Replaced the cable.' },
      { actor: staff.agent },
    );

    const emails = async (r: typeof note) =>
      (await recipientsFor(desk, r.ticket, r.event)).map((p) => p.email);
    expect(await emails(note)).toEqual([]);
    expect(await emails(reply)).toEqual([
      'grace@example.com',
      'lin@example.com',
    ]);
    expect(await emails(resolved)).toEqual([
      'grace@example.com',
      'lin@example.com',
    ]);
  });

  it('leaves out the author of a requester reply and erased people', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    const lin = await watchers.addWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      staff.agent,
    );
    await watchers.addWatcher(
      ticket.id,
      { email: 'kim@example.com' },
      staff.agent,
    );
    await desk.eraseRequester(lin.requesterId);
    const asGrace = { role: 'requester', id: ticket.requesterId } as const;
    const reply = await desk.reply(
      ticket.id,
      { body: 'Still flickering.' },
      { actor: asGrace },
    );
    const people = await recipientsFor(desk, reply.ticket, reply.event);
    expect(people.map((p) => [p.email, p.as])).toEqual([
      ['kim@example.com', 'watcher'],
    ]);
  });
});
