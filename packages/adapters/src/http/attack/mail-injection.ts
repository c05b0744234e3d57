import { compose } from '../../email/test-support.js';
import { type Ctx, judge, post, refusedWith } from './mail-judge.js';
import { DESK_ADDRESS, headerNames, MAIL_SECRET } from './mail-world.js';

/**
 * Names and subjects with CR/LF and header lines in them: the outgoing
 * mail, as written for SMTP, gains no header and no recipient.
 */
export async function headerInjection(ctx: Ctx) {
  const evil = [
    'Eve\r\nBcc: eve@evil.example',
    'Hi\nX-Injected: yes',
    'Hi\r\n\r\n<script>alert(1)</script>',
    '=?utf-8?q?Hi=0D=0ABcc:_eve@evil.example?=',
    'x\u2028Bcc: eve@evil.example',
  ];
  for (const [i, text] of evil.entries()) {
    const handmade = [
      `From: "${text.replace(/"/g, '')}" <inject${i}@attack.example>`,
      `To: ${DESK_ADDRESS}`,
      `Subject: ${text}`,
      `Message-ID: <inject-${i}@attack.example>`,
      '',
      'Body of an injection attempt.',
    ].join('\r\n');
    const encoded = await compose({
      from: { name: text, address: `encoded${i}@attack.example` },
      to: DESK_ADDRESS,
      subject: text,
      text: 'Body of an injection attempt.',
    });
    await injected(ctx, handmade, text, `header injection ${i} (as sent)`);
    await injected(ctx, encoded, text, `header injection ${i} (encoded)`);
  }
}

/** One injection attempt: its acknowledgement and an agent's reply. */
async function injected(ctx: Ctx, raw: string, text: string, what: string) {
  const answer = await post(ctx, raw);
  const result = answer.status < 300 ? JSON.parse(answer.text) : null;
  const id = result?.ticket?.id;
  if (id) {
    const actor = { role: 'agent' as const, id: ctx.site.canaries.assignee };
    await ctx.site.desk.reply(id, { body: text }, { actor });
  }
  await ctx.mail.idle();
  const sent = ctx.mail.sent.filter((s) => s.mail.ticketId === id);
  const clean = sent.every((s) => {
    const names = headerNames(s.raw);
    const recipients = [...s.mail.to, ...s.mail.cc].map((a) => a.address);
    return (
      !names.includes('bcc') &&
      !names.includes('x-injected') &&
      !recipients.some((r) => r.includes('evil'))
    );
  });
  // A name that breaks the From line leaves no sender: refused, no mail.
  const refused = answer.status === 422 && !id && sent.length === 0;
  judge(
    ctx,
    refused || (answer.status === 201 && sent.length === 2 && clean),
    `${what} → ${answer.status}, ${sent.length} mails, clean: ${clean}`,
    answer,
  );
}

/**
 * Guessing the webhook secret: random, one character off, every prefix,
 * longer, other case, padded, empty. Each is 401 and writes nothing.
 */
export async function secretGuesses(ctx: Ctx) {
  const raw = await compose({
    from: 'guess@attack.example',
    to: DESK_ADDRESS,
    subject: 'Guess',
    text: 'Only with the right secret.',
  });
  const last = MAIL_SECRET.at(-1) === 'a' ? 'b' : 'a';
  const guesses = [
    ...Array.from({ length: 40 }, () => crypto.randomUUID().repeat(2)),
    ...Array.from({ length: MAIL_SECRET.length }, (_, i) =>
      MAIL_SECRET.slice(0, i),
    ),
    `${MAIL_SECRET.slice(0, -1)}${last}`,
    `${MAIL_SECRET}x`,
    MAIL_SECRET.toUpperCase(),
    `${MAIL_SECRET}\t`.replace('\t', '%09'),
    `Bearer ${MAIL_SECRET}`,
  ];
  for (const secret of guesses) {
    await refusedWith(ctx, raw, secret, 401, 'a guessed webhook secret');
  }
}
