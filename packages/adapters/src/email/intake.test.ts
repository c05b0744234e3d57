import { afterEach, describe, expect, it } from 'vitest';
import { MAIL_KINDS } from './mail-records.js';
import { compose, fixture, mailDesk, STORES } from './test-support.js';

type Setup = Awaited<ReturnType<typeof mailDesk>>;

describe.each(STORES)('mail intake on the %s store', (_name, makeStore) => {
  let t: Setup;
  afterEach(async () => {
    await t.notifier.idle();
    expect(t.errors).toEqual([]);
    t.notifier.stop();
  });

  /** Takes the first message in and answers its ticket and the ack id. */
  async function opened() {
    const first = await t.intake.receive(fixture('multipart-alternative.eml'));
    await t.notifier.idle();
    const ack = t.outbox.sent.find((m) => m.ticketId === first.ticket?.id);
    return { first, ack: ack!, ref: first.ticket!.ref, id: first.ticket!.id };
  }

  it('opens an email ticket from a new message and acknowledges it in thread', async () => {
    t = await mailDesk(makeStore);
    const { first, ack, id } = await opened();
    expect(first).toMatchObject({
      outcome: 'created',
      reason: 'new_ticket',
      cc: [],
    });
    const ticket = await t.desk.get(id);
    expect(ticket).toMatchObject({
      channel: 'email',
      subject: 'Printer on floor 3 jams on every job',
      status: 'new',
    });
    expect(ticket!.description).toContain('Tray 2 is empty');
    const requester = await t.desk.store.getRequester(
      t.desk.siteId,
      ticket!.requesterId,
    );
    expect(requester).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
    expect(ack).toMatchObject({
      kind: 'acknowledgement',
      to: [{ address: 'ada@example.com', name: 'Ada Lovelace' }],
      inReplyTo: '<CAAda001.printer@mail.example.com>',
      references: ['<CAAda001.printer@mail.example.com>'],
    });
    expect(ack.subject).toBe(`[${ticket!.ref}] Received: ${ticket!.subject}`);
    expect(ack.headers['Auto-Submitted']).toBe('auto-generated');
    const receipt = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.mail_received',
    );
    expect(receipt?.data).toMatchObject({
      messageId: '<CAAda001.printer@mail.example.com>',
      kind: 'created',
      acknowledge: true,
      automatic: null,
      attachments: [],
    });
  });

  it('threads a reply by In-Reply-To/References to our acknowledgement', async () => {
    t = await mailDesk(makeStore);
    const { ack, id } = await opened();
    const reply = await t.intake.receive(
      fixture('reply-by-header.eml', { ackId: ack.messageId }),
    );
    expect(reply).toMatchObject({
      outcome: 'replied',
      reason: 'requester_reply',
      ticket: { id },
    });
    const events = await t.desk.events(id);
    const replied = events.find((e) => e.type === 'ticket.replied');
    expect(replied?.actor).toEqual({
      role: 'requester',
      id: (await t.desk.get(id))!.requesterId,
    });
    expect(replied?.data).toMatchObject({
      body: 'It jams on tray 1 as well now.',
      visibility: 'public',
    });
    expect(
      events.filter((e) => e.type === 'ticket.mail_received').at(-1)?.data,
    ).toMatchObject({
      threadedBy: 'header',
      acknowledge: false,
    });
  });

  it('threads by the [ref] in the subject and trims an Outlook original message', async () => {
    t = await mailDesk(makeStore);
    const { id, ref } = await opened();
    const reply = await t.intake.receive(
      fixture('reply-by-subject.eml', { ref }),
    );
    expect(reply).toMatchObject({
      outcome: 'replied',
      reason: 'requester_reply',
      ticket: { id, ref },
    });
    const replied = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.replied',
    );
    expect(replied?.data?.body).toBe(
      'Answering from my phone: it works again after a restart.',
    );
  });

  it('trims an Outlook underscore separator block from a threaded reply', async () => {
    t = await mailDesk(makeStore);
    const { ack, id, ref } = await opened();
    await t.intake.receive(
      fixture('outlook-reply.eml', { ackId: ack.messageId, ref }),
    );
    const replied = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.replied',
    );
    expect(replied?.data?.body).toBe('Yes, the new toner fixed it.');
  });

  it('does not let a stranger join a ticket by guessing its ref', async () => {
    t = await mailDesk(makeStore);
    const { id, ref } = await opened();
    const raw = fixture('reply-by-subject.eml', { ref }).replace(
      'From: Ada Lovelace <ada@example.com>',
      'From: Mallory <mallory@example.com>',
    );
    const result = await t.intake.receive(raw);
    expect(result).toMatchObject({ outcome: 'created', reason: 'new_ticket' });
    expect(result.ticket?.id).not.toBe(id);
  });

  it('ignores a redelivery and answers the earlier ticket; keeps two mails that reuse one Message-ID', async () => {
    t = await mailDesk(makeStore);
    const { id } = await opened();
    const raw = fixture('multipart-alternative.eml');
    const again = await t.intake.receive(
      `Received: from relay2.example; Fri, 04 Dec 2026 09:40:00 +0000\r\n${raw}`,
    );
    expect(again).toMatchObject({
      outcome: 'ignored',
      reason: 'duplicate',
      ticket: { id },
    });
    const other = raw.replace(
      'jams on every job since Monday',
      'now shows error 13.B9',
    );
    const second = await t.intake.receive(other);
    expect(second.outcome).toBe('created');
    expect(second.ticket?.id).not.toBe(id);
    expect((await t.desk.list()).items).toHaveLength(2);
  });

  it('handles one message delivered twice at once only once', async () => {
    t = await mailDesk(makeStore);
    const raw = fixture('quoted-printable.eml');
    const results = await Promise.all([
      t.intake.receive(raw),
      t.intake.receive(raw),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'created',
      'ignored',
    ]);
    expect((await t.desk.list()).items).toHaveLength(1);
  });

  it('creates nothing from the desk’s own address or its own Message-IDs', async () => {
    t = await mailDesk(makeStore);
    expect(await t.intake.receive(fixture('own-address.eml'))).toMatchObject({
      outcome: 'ignored',
      reason: 'own_address',
    });
    const alias = fixture('own-address.eml').replace(
      'From: Help Desk <help@desk.example>',
      'From: IT@Desk.Example',
    );
    expect((await t.intake.receive(alias)).reason).toBe('own_address');
    const { ack } = await opened();
    const echo = fixture('multipart-alternative.eml')
      .replace('<CAAda001.printer@mail.example.com>', ack.messageId)
      .replace('ada@example.com', 'relay@example.com');
    expect(await t.intake.receive(echo)).toMatchObject({
      outcome: 'ignored',
      reason: 'own_message',
    });
    expect((await t.desk.list()).items).toHaveLength(1);
  });

  it.each([
    ['auto-reply.eml', 'auto_submitted'],
    ['x-autoreply.eml', 'auto_reply'],
    ['bulk.eml', 'bulk'],
    ['list.eml', 'mailing_list'],
  ])(
    'opens a ticket from %s but sends no acknowledgement',
    async (name, automatic) => {
      t = await mailDesk(makeStore);
      const result = await t.intake.receive(fixture(name));
      expect(result.outcome).toBe('created');
      await t.notifier.idle();
      expect(t.outbox.sent).toEqual([]);
      const receipt = (await t.desk.events(result.ticket!.id)).find(
        (e) => e.type === 'ticket.mail_received',
      );
      expect(receipt?.data).toMatchObject({ automatic, acknowledge: false });
    },
  );

  it('files an automatic reply on a thread as an internal note, not a reopening reply', async () => {
    t = await mailDesk(makeStore);
    const { ack, id } = await opened();
    const raw = fixture('auto-reply.eml').replace(
      'Message-ID: <ooo-1@example.com>',
      `Message-ID: <ooo-1@example.com>\r\nIn-Reply-To: ${ack.messageId}`,
    );
    expect(await t.intake.receive(raw)).toMatchObject({
      outcome: 'replied',
      reason: 'automatic_note',
    });
    const note = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.noted',
    );
    expect(note?.data).toMatchObject({ visibility: 'internal' });
    expect(String(note?.data?.body)).toContain('out of the office');
  });

  it('notes a bounce of our acknowledgement on its ticket; ignores an unthreaded bounce', async () => {
    t = await mailDesk(makeStore);
    const { ack, id, ref } = await opened();
    const bounce = await t.intake.receive(
      fixture('bounce.eml', { ackId: ack.messageId, ref }),
    );
    expect(bounce).toMatchObject({
      outcome: 'replied',
      reason: 'bounce',
      ticket: { id },
    });
    const note = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.noted',
    );
    expect(String(note?.data?.body)).toMatch(
      /^Delivery report from mailer-daemon@mx\.desk\.example/,
    );
    const lost = fixture('bounce.eml', {
      ackId: '<unknown@x.example>',
      ref: 'T-9',
    }).replace('AB12', 'CD34');
    expect(await t.intake.receive(lost)).toMatchObject({
      outcome: 'ignored',
      reason: 'bounce',
    });
    await t.notifier.idle();
    expect(t.outbox.sent).toHaveLength(1);
  });

  it('makes CCs watchers, but not the desk, agents or the sender', async () => {
    t = await mailDesk(makeStore);
    const result = await t.intake.receive(fixture('cc.eml'));
    expect(result.cc).toEqual(['lin@example.net', 'renee@example.com']);
    const ticket = await t.desk.get(result.ticket!.id);
    expect(ticket!.watchers).toHaveLength(2);
    const receipt = (await t.desk.events(ticket!.id)).find(
      (e) => e.type === 'ticket.mail_received',
    );
    expect(receipt?.data?.cc).toEqual(ticket!.watchers);
    // Watchers hear the agent's public reply; the requester is the To.
    await t.desk.reply(
      ticket!.id,
      { body: 'Facilities are on it.' },
      { actor: t.sam },
    );
    await t.notifier.idle();
    const reply = t.outbox.sent.find((m) => m.kind === 'reply');
    expect(reply?.to.map((a) => a.address)).toEqual(['ada@example.com']);
    expect(reply?.cc.map((a) => a.address).sort()).toEqual([
      'lin@example.net',
      'renee@example.com',
    ]);
  });

  it('records attachment metadata on the receipt event', async () => {
    t = await mailDesk(makeStore);
    const result = await t.intake.receive(fixture('attachments.eml'));
    const receipt = (await t.desk.events(result.ticket!.id)).find(
      (e) => e.type === 'ticket.mail_received',
    );
    expect(receipt?.data?.attachments).toEqual([
      {
        name: 'error-report.pdf',
        type: 'application/pdf',
        size: 345,
        inline: false,
      },
      { name: 'écran.png', type: 'image/png', size: 69, inline: false },
    ]);
  });

  it('takes an agent’s mail on a thread as an internal note by default, as a reply when asked', async () => {
    t = await mailDesk(makeStore);
    const { ack, id } = await opened();
    const fromSam = (n: string) =>
      fixture('reply-by-header.eml', { ackId: ack.messageId })
        .replace(
          'From: "Ada Lovelace" <ada@example.com>',
          'From: Sam Agent <sam@desk.example>',
        )
        .replace('CAAda002.reply', `sam-${n}`);
    expect(await t.intake.receive(fromSam('1'))).toMatchObject({
      outcome: 'replied',
      reason: 'agent_note',
    });
    const noted = (await t.desk.events(id)).find(
      (e) => e.type === 'ticket.noted',
    );
    expect(noted?.actor).toEqual({ role: 'agent', id: 'sam' });

    const replying = await mailDesk(makeStore, {
      intake: { agentMail: 'reply' },
    });
    t.notifier.stop();
    t = replying;
    const again = await opened();
    const raw = fixture('reply-by-header.eml', {
      ackId: again.ack.messageId,
    }).replace(
      'From: "Ada Lovelace" <ada@example.com>',
      'From: Sam Agent <sam@desk.example>',
    );
    expect(await t.intake.receive(raw)).toMatchObject({
      reason: 'agent_reply',
    });
    await t.notifier.idle();
    expect(t.outbox.sent.map((m) => m.kind)).toEqual([
      'acknowledgement',
      'reply',
    ]);
  });

  it('opens a linked follow-up when the requester writes to a cancelled ticket', async () => {
    t = await mailDesk(makeStore);
    const { ack, id } = await opened();
    await t.desk.cancel(id, { reason: 'duplicate' }, { actor: t.sam });
    const result = await t.intake.receive(
      fixture('reply-by-header.eml', { ackId: ack.messageId }),
    );
    expect(result).toMatchObject({ outcome: 'created', reason: 'follow_up' });
    const follow = await t.desk.get(result.ticket!.id);
    expect(follow!.links).toEqual([{ type: 'follow_up_of', ticketId: id }]);
  });

  it('caps acknowledgements per sender per hour in the store', async () => {
    t = await mailDesk(makeStore, { notifier: { maxAcksPerHour: 2 } });
    for (let i = 0; i < 4; i++) {
      const raw = await compose({
        from: 'Loop Bot <loop@example.com>',
        to: 'help@desk.example',
        subject: `Ping ${i}`,
        text: `Message ${i}`,
        messageId: `<loop-${i}@example.com>`,
      });
      expect((await t.intake.receive(raw)).outcome).toBe('created');
    }
    await t.notifier.idle();
    expect(t.outbox.sent.map((m) => m.kind)).toEqual([
      'acknowledgement',
      'acknowledgement',
    ]);
    const counters = await t.desk.store.listRecords(
      t.desk.siteId,
      MAIL_KINDS.ack,
    );
    expect(counters.map((c) => c.value)).toEqual([
      { hour: expect.any(String), count: 2 },
    ]);
  });
});
