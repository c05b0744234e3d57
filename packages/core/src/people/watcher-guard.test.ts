import { describe, expect, it } from 'vitest';
import { staffedDesk, ticketIn } from '../../test/desk-fixture.js';
import { isMachineAddress } from './watcher-guard.js';
import { createWatchers } from './watchers.js';

async function setup() {
  const env = await staffedDesk();
  const { ticket } = await env.desk.submit({
    subject: 'Printer jams',
    description: 'Every second page jams.',
    requester: { email: 'grace@example.com' },
  });
  const watchers = createWatchers(env.desk, {
    ownAddresses: ['Help@Desk.example', 'it@desk.example'],
  });
  return { ...env, ticket, watchers };
}

describe('watcher guard', () => {
  it('tells mail systems from people', () => {
    for (const a of [
      'MAILER-DAEMON@mx.example',
      'postmaster@example.com',
      'no-reply@shop.example',
      'noreply+x@shop.example',
      'do-not-reply@bank.example',
      'DoNotReply@bank.example',
      'bounces@list.example',
    ]) {
      expect(isMachineAddress(a), a).toBe(true);
    }
    for (const a of [
      'replyall@example.com',
      'noreen@example.com',
      'lin@x.io',
    ]) {
      expect(isMachineAddress(a), a).toBe(false);
    }
  });

  it('refuses the desk’s own and mail-system addresses with WATCHER_REFUSED, storing nothing', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    for (const email of [
      'help@desk.example',
      'IT@desk.example',
      'postmaster@example.com',
      'no-reply@example.com',
    ]) {
      await expect(
        watchers.addWatcher(ticket.id, { email }, staff.agent),
      ).rejects.toMatchObject({ code: 'WATCHER_REFUSED', status: 422 });
    }
    expect((await desk.get(ticket.id))?.watchers ?? []).toEqual([]);
    expect(
      await desk.store.findRequesterByEmail(
        desk.siteId,
        'postmaster@example.com',
      ),
    ).toBeNull();
  });

  it('refuses watchers on merged, cancelled and closed tickets', async () => {
    const env = await setup();
    const watchers = createWatchers(env.desk);
    for (const state of ['merged', 'cancelled', 'closed'] as const) {
      const t = await ticketIn(env, state);
      await expect(
        watchers.addWatcher(
          t.id,
          { email: 'lin@example.com' },
          env.staff.agent,
        ),
      ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
      expect((await env.desk.get(t.id))?.watchers ?? []).toEqual([]);
    }
    const open = await ticketIn(env, 'resolved');
    const added = await watchers.addWatcher(
      open.id,
      { email: 'lin@example.com' },
      env.staff.agent,
    );
    expect(added.changed).toBe(true);
  });

  it('lets the requester remove its watchers but refuses other addresses alike', async () => {
    const { desk, staff, ticket, watchers } = await setup();
    const lin = await watchers.addWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      staff.agent,
    );
    await desk.submit({
      subject: 'Elsewhere',
      description: 'Kim has a ticket of her own.',
      requester: { email: 'kim@example.com' },
    });
    const asGrace = { role: 'requester', id: ticket.requesterId } as const;
    for (const email of ['kim@example.com', 'nobody@example.com']) {
      await expect(
        watchers.removeWatcher(ticket.id, { email }, asGrace),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const removed = await watchers.removeWatcher(
      ticket.id,
      { email: 'lin@example.com' },
      asGrace,
    );
    expect(removed).toMatchObject({
      changed: true,
      requesterId: lin.requesterId,
    });
  });

  it('answers NOT_FOUND to a person removing themself from a ticket they do not watch', async () => {
    const { desk, ticket, watchers } = await setup();
    const other = await desk.submit({
      subject: 'Mine',
      description: 'Kim asks something.',
      requester: { email: 'kim@example.com' },
    });
    const asKim = { role: 'requester', id: other.ticket.requesterId } as const;
    await expect(
      watchers.removeWatcher(ticket.id, { email: 'kim@example.com' }, asKim),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'you do not watch this ticket',
    });
  });
});
