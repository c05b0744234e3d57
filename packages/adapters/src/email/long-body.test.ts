import { LIMITS } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { continuationMarker, continuesMarker, splitBody } from './long-body.js';
import { compose, mailDesk, STORES } from './test-support.js';

/** About 100 KB of numbered lines, so order and completeness show. */
const HUNDRED_KB = Array.from(
  { length: 2_000 },
  (_, i) =>
    `Line ${String(i + 1).padStart(4, '0')}: the printer log says paper jam in tray ${i % 3}.`,
).join('\n');

/** The text of parts put back together, markers taken out. */
function rejoin(parts: string[]): string {
  return parts
    .map((p) =>
      p
        .replace(
          /^\[Continued: part \d+ of \d+ of the same message\.\]\n\n/,
          '',
        )
        .replace(
          /\n\n\[Message continues in the next message: part \d+ of \d+\.\]$/,
          '',
        ),
    )
    .join('\n');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitBody', () => {
  it('keeps a body that fits as it is', () => {
    expect(splitBody('Short.')).toEqual(['Short.']);
    const exact = 'x'.repeat(LIMITS.body);
    expect(splitBody(exact)).toEqual([exact]);
  });

  it('cuts 100 KB at line breaks into parts that fit, with markers, losing no word', () => {
    expect(HUNDRED_KB.length).toBeGreaterThan(100_000);
    const parts = splitBody(HUNDRED_KB);
    expect(parts.length).toBeGreaterThanOrEqual(6);
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(LIMITS.body);
      if (i < parts.length - 1) {
        expect(part.endsWith(continuesMarker(i + 1, parts.length))).toBe(true);
        // Cut at a line: the last text line is whole.
        expect(part.split('\n').at(-3)).toMatch(/^Line \d{4}: .* tray \d\.$/);
      }
      if (i > 0) {
        expect(part.startsWith(continuationMarker(i + 1, parts.length))).toBe(
          true,
        );
      }
    }
    expect(rejoin(parts)).toBe(HUNDRED_KB);
  });

  it('cuts between words when there is no line break, and hard only when there is no space', () => {
    const prose = Array.from({ length: 6_000 }, (_, i) => `word${i}`).join(' ');
    const parts = splitBody(prose);
    expect(
      words(parts.map((p) => p.replace(/\[[^\]]*\]/g, '')).join(' ')),
    ).toEqual(words(prose));
    const blob = 'A'.repeat(LIMITS.body * 2 + 7);
    const pieces = splitBody(blob);
    expect(pieces.every((p) => p.length <= LIMITS.body)).toBe(true);
    expect(
      pieces.map((p) => p.replace(/\[[^\]]*\]/g, '').trim()).join(''),
    ).toBe(blob);
  });
});

describe.each(STORES)('a long mail on %s', (_name, makeStore) => {
  it('opens a ticket with the first part and files the rest as the sender’s replies, in order', async () => {
    const t = await mailDesk(makeStore);
    const raw = await compose({
      from: 'Long Writer <long@example.com>',
      to: 'help@desk.example',
      subject: 'A long report',
      text: HUNDRED_KB,
    });
    const result = await t.intake.receive(raw);
    expect(result.outcome).toBe('created');
    const id = result.ticket!.id;
    const view = await t.desk.publicView(id);
    const bodies = view.messages.map((m) => m.body);
    expect(bodies.length).toBe(splitBody(HUNDRED_KB).length);
    expect(rejoin(bodies)).toBe(HUNDRED_KB);
    const ticket = (await t.desk.get(id))!;
    const replies = (await t.desk.events(id)).filter(
      (e) => e.type === 'ticket.replied',
    );
    expect(replies.every((e) => e.actor.id === ticket.requesterId)).toBe(true);
    await t.notifier.idle();
    expect(
      t.outbox.sent.filter((m) => m.kind === 'acknowledgement'),
    ).toHaveLength(1);
    t.notifier.stop();
  });

  it('takes a long reply to a ticket whole, as several replies', async () => {
    const t = await mailDesk(makeStore);
    const first = await t.intake.receive(
      await compose({
        from: 'long@example.com',
        to: 'help@desk.example',
        subject: 'Printer',
        text: 'It jams.',
        messageId: '<first.long@example.com>',
      }),
    );
    const reply = await t.intake.receive(
      await compose({
        from: 'long@example.com',
        to: 'help@desk.example',
        subject: `Re: [${first.ticket!.ref}] Printer`,
        text: HUNDRED_KB,
        inReplyTo: '<first.long@example.com>',
      }),
    );
    expect(reply).toMatchObject({
      outcome: 'replied',
      reason: 'requester_reply',
    });
    const view = await t.desk.publicView(first.ticket!.id);
    const bodies = view.messages.map((m) => m.body);
    expect(bodies[0]).toBe('It jams.');
    expect(rejoin(bodies.slice(1))).toBe(HUNDRED_KB);
    await t.notifier.idle();
    t.notifier.stop();
  });
});
