import {
  createManualClock,
  createMemoryStore,
  type SlaConfigInput,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { html } from './html.js';
import { fixture, mailDesk } from './test-support.js';

type Setup = Awaited<ReturnType<typeof mailDesk>>;

const ALL_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
    d,
    [['00:00', '24:00']],
  ]),
);
const sla: SlaConfigInput = {
  calendars: [
    { id: 'always', name: 'Always', timeZone: 'UTC', hours: ALL_DAY },
  ],
  policies: [
    {
      id: 'std',
      version: 1,
      name: 'Standard',
      calendarId: 'always',
      targets: { moderate: { firstResponse: '4h', resolution: '16h' } },
      pauseOn: ['requester'],
      reminders: { reasons: ['requester'], after: '8h', repeat: 2 },
    },
  ],
};

describe('mail notifier', () => {
  let t: Setup;
  afterEach(async () => {
    await t.notifier.idle();
    t.notifier.stop();
  });

  async function webTicket() {
    const { ticket } = await t.desk.submit({
      subject: 'VPN drops hourly',
      description: 'Since Monday.',
      requester: { email: 'grace@example.com', name: 'Grace' },
      channel: 'web',
    });
    return ticket;
  }

  it('walks a ticket through acknowledgement, reply, reminder, resolution and closing', async () => {
    const clock = createManualClock('2026-12-07T08:00:00Z');
    t = await mailDesk(() => createMemoryStore(), {
      desk: { clock, sla },
      notifier: { ratingUrl: 'https://desk.example/rate/{ref}?t={id}' },
    });
    const ticket = await webTicket();
    await t.desk.triage(
      ticket.id,
      { impact: 'medium', urgency: 'medium', teamId: 'it' },
      { actor: t.sam },
    );
    await t.desk.assign(ticket.id, { assigneeId: 'sam' }, { actor: t.sam });
    await t.desk.start(ticket.id, {}, { actor: t.sam });
    await t.desk.note(
      ticket.id,
      { body: 'SECRET internal: user is on the watch list' },
      { actor: t.sam },
    );
    await t.desk.reply(
      ticket.id,
      { body: 'Which VPN client version?\nPlease check.' },
      { actor: t.sam },
    );
    await t.desk.pend(
      ticket.id,
      { reason: 'requester', note: 'internal pend note' },
      { actor: t.sam },
    );
    clock.advance(9 * 3_600_000);
    await t.desk.tick();
    await t.desk.resume(ticket.id, {}, { actor: t.sam });
    await t.desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'Updated the client to 5.2.' },
      { actor: t.sam },
    );
    await t.desk.close(ticket.id, {}, { actor: t.sam });
    await t.notifier.idle();
    expect(t.errors).toEqual([]);

    const sent = t.outbox.sent;
    expect(sent.map((m) => m.kind)).toEqual([
      'acknowledgement',
      'reply',
      'reminder',
      'reminder',
      'resolved',
      'closed',
    ]);
    for (const mail of sent) {
      expect(mail.to).toEqual([
        { address: 'grace@example.com', name: 'Grace' },
      ]);
      expect(mail.subject).toContain(`[${ticket.ref}]`);
      expect(mail.headers['Auto-Submitted']).toBe('auto-generated');
      expect(mail.messageId).toMatch(/^<ticketry\.[^@]+@desk\.example>$/);
      expect(`${mail.text}${mail.html}`).not.toMatch(
        /SECRET|internal pend note/,
      );
      expect(mail.html).toContain('<p>');
      expect(mail.text).not.toContain('<p>');
    }
    // Each message answers the one before and references the first.
    sent.slice(1).forEach((mail, i) => {
      expect(mail.inReplyTo).toBe(sent[i]!.messageId);
      expect(mail.references[0]).toBe(sent[0]!.messageId);
    });
    expect(sent[0]!.inReplyTo).toBeNull();
    expect(sent[1]!.text).toContain('Which VPN client version?\nPlease check.');
    expect(sent[1]!.html).toContain(
      'Which VPN client version?<br>Please check.',
    );
    expect(sent[4]!.text).toContain('Updated the client to 5.2.');
    const rating = `https://desk.example/rate/${ticket.ref}?t=${ticket.id}`;
    expect(sent[5]!.text).toContain(rating);
    expect(sent[5]!.html).toContain(
      `<a href="${rating.replaceAll('=', '&#61;')}">`,
    );
  });

  it('mails nothing for internal notes, triage, imports or a requester’s own reply', async () => {
    t = await mailDesk();
    await t.desk.submit({
      subject: 'Imported',
      description: 'From the old system.',
      requester: { email: 'old@example.com' },
      channel: 'import',
    });
    await t.notifier.idle();
    expect(t.outbox.sent).toEqual([]);
    const ticket = await webTicket();
    await t.notifier.idle();
    t.outbox.sent.length = 0;
    await t.desk.note(ticket.id, { body: 'internal' }, { actor: t.sam });
    await t.desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'it' },
      { actor: t.sam },
    );
    await t.desk.reply(
      ticket.id,
      { body: 'me again' },
      { actor: { role: 'requester', id: ticket.requesterId } },
    );
    await t.notifier.idle();
    expect(t.outbox.sent).toEqual([]);
  });

  it('sends no rating link that is not http(s)', async () => {
    t = await mailDesk(undefined, {
      notifier: { ratingUrl: () => 'javascript:alert(1)' },
    });
    const ticket = await webTicket();
    await t.desk
      .cancel(ticket.id, { reason: 'withdrawn' }, { actor: t.sam })
      .catch(() => {});
    const other = await webTicket();
    await t.desk.triage(
      other.id,
      { impact: 'low', urgency: 'low', teamId: 'it' },
      { actor: t.sam },
    );
    await t.desk.resolve(
      other.id,
      { code: 'fixed', note: 'done' },
      { actor: t.sam },
    );
    await t.desk.close(other.id, {}, { actor: t.sam });
    await t.notifier.idle();
    const closed = t.outbox.sent.find((m) => m.kind === 'closed');
    expect(closed).toBeDefined();
    expect(`${closed!.text}${closed!.html}`).not.toContain('javascript:');
  });

  it('uses custom templates, whose HTML can only come from the escaping html tag', async () => {
    t = await mailDesk(undefined, {
      notifier: {
        templates: {
          acknowledgement: (v) => ({
            subject: `Got it: ${v.subject}`,
            text: `Thanks ${v.requesterName}`,
            html: html`<h1>Thanks ${v.requesterName}</h1>`,
          }),
        },
      },
    });
    const { ticket } = await t.desk.submit({
      subject: 'x',
      description: 'y',
      requester: { email: 'eve@example.com', name: '<b>Eve</b>' },
    });
    await t.notifier.idle();
    const [ack] = t.outbox.sent;
    expect(ack!.subject).toBe(`[${ticket.ref}] Got it: x`);
    expect(ack!.html).toBe('<h1>Thanks &lt;b&gt;Eve&lt;/b&gt;</h1>');
  });

  it('reports a failing transport to onError and goes on with the next mail', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    t = await mailDesk(undefined, {
      notifier: {
        transport: {
          async send() {
            calls++;
            if (calls === 1) throw new Error('SMTP down');
          },
        },
        onError: (error) => errors.push(error),
      },
    });
    await webTicket();
    await webTicket();
    await t.notifier.idle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('SMTP down')]);
  });

  it('acknowledges a mail ticket once, on the intake’s receipt', async () => {
    t = await mailDesk();
    await t.intake.receive(fixture('iso-8859-1.eml'));
    await t.notifier.idle();
    expect(t.outbox.sent).toHaveLength(1);
    expect(t.outbox.sent[0]!.to[0]!.name).toBe('André Müller');
  });
});
