import { afterEach, describe, expect, it } from 'vitest';
import { fixture, mailDesk } from './test-support.js';

type Setup = Awaited<ReturnType<typeof mailDesk>>;

/** A plain message answering `inReplyTo`, with extra header lines. */
function raw(
  from: string,
  id: string,
  inReplyTo: string,
  body: string,
  extra: string[] = [],
): string {
  return [
    `From: ${from}`,
    'To: help@desk.example',
    'Subject: Re: Printer on floor 3 jams on every job',
    'Date: Fri, 04 Dec 2026 12:00:00 +0000',
    `Message-ID: ${id}`,
    `In-Reply-To: ${inReplyTo}`,
    `References: ${inReplyTo}`,
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('threading headers of notifications', () => {
  let t: Setup;
  afterEach(async () => {
    await t.notifier.idle();
    t.notifier.stop();
  });

  it('name only the requester-visible thread: our mail and the requester’s public messages', async () => {
    t = await mailDesk();
    const first = await t.intake.receive(fixture('multipart-alternative.eml'));
    await t.notifier.idle();
    const id = first.ticket!.id;
    const ack = t.outbox.sent.find((m) => m.kind === 'acknowledgement')!;
    const original = ack.inReplyTo!;
    const internal = [
      '<20261204092000.AB12@mx.desk.example>',
      '<away.1@mail.example.com>',
      '<stranger.1@elsewhere.example>',
      '<sam.1@desk.example>',
    ];
    const steps = [
      fixture('bounce.eml', { ackId: ack.messageId, ref: first.ticket!.ref }),
      raw('Ada <ada@example.com>', internal[1]!, ack.messageId, 'I am away.', [
        'Auto-Submitted: auto-replied',
      ]),
      raw(
        'Eve <eve@elsewhere.example>',
        internal[2]!,
        ack.messageId,
        'Me too, secretly.',
      ),
      raw(
        'Sam <sam@desk.example>',
        internal[3]!,
        ack.messageId,
        'Internal: toner.',
      ),
    ];
    const reasons = [];
    for (const step of steps)
      reasons.push((await t.intake.receive(step)).reason);
    expect(reasons).toEqual([
      'bounce',
      'automatic_note',
      'third_party_note',
      'agent_note',
    ]);
    const reply = '<ada.2@mail.example.com>';
    const answered = await t.intake.receive(
      raw('Ada <ada@example.com>', reply, internal[3]!, 'Tray 1 as well.'),
    );
    expect(answered.reason).toBe('requester_reply');
    await t.desk.reply(
      id,
      { body: 'A technician is on the way.' },
      { actor: t.sam },
    );
    await t.notifier.idle();

    const out = t.outbox.sent.filter((m) => m.kind === 'reply').at(-1)!;
    expect(out.inReplyTo).toBe(reply);
    expect(out.references).toEqual([original, ack.messageId, reply]);
    for (const hidden of internal) {
      expect(out.references).not.toContain(hidden);
    }
  });
});
