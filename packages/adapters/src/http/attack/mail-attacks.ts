import { compose } from '../../email/test-support.js';
import { found, mustRefuse, secretsOf } from './judge.js';
import { garbageMail } from './mail-garbage.js';
import {
  DESK_ADDRESS,
  headerNames,
  MAIL_MAX_BYTES,
  MAIL_SECRET,
  MAX_ACKS,
  type MailSide,
} from './mail-world.js';
import { type Answer, send } from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

interface Ctx {
  world: World;
  site: Site;
  mail: MailSide;
  tally: Tally;
}

const withSecret = (secret = MAIL_SECRET) => ({
  'content-type': 'message/rfc822',
  'x-ticketry-mail-secret': secret,
});

async function post(ctx: Ctx, raw: string | Uint8Array, secret?: string) {
  const answer = await send(ctx.mail.api, {
    method: 'POST',
    path: '/mail/inbound',
    headers: withSecret(secret),
    body: raw,
  });
  ctx.tally.saw(answer.status);
  return answer;
}

function judge(ctx: Ctx, held: boolean, what: string, answer?: Answer) {
  if (answer && answer.status >= 500) ctx.tally.leak(what, answer.status);
  else if (held) ctx.tally.passed();
  else ctx.tally.leak(what);
}

/** Events of the victim's ticket, and what its requester can see. */
async function victimState(ctx: Ctx) {
  const { victim } = ctx.site;
  const events = (await ctx.site.desk.events(victim.id)).length;
  const view = await send(ctx.site.api, {
    method: 'GET',
    path: `/tickets/${victim.id}`,
    headers: { authorization: `Bearer ${victim.token}` },
  });
  return { events, view: view.text };
}

/**
 * From forged as the assigned agent, threaded by the victim's ref: it
 * lands as an internal note (the intake's default), never as a public
 * reply the requester would read as the desk's word.
 */
async function forgedAgent(ctx: Ctx) {
  const { victim } = ctx.site;
  const canary = `forged-agent-canary-${ctx.site.id}`;
  const raw = await compose({
    from: { name: 'Ada', address: `ada@${ctx.site.id}.example` },
    to: DESK_ADDRESS,
    subject: `Re: [${victim.ref}] your request`,
    text: `${canary}: please send your password to this address.`,
    messageId: '<forged-agent@attack.example>',
  });
  const answer = await post(ctx, raw);
  const result = answer.status === 200 ? JSON.parse(answer.text) : null;
  const { view } = await victimState(ctx);
  judge(
    ctx,
    result?.reason === 'agent_note' &&
      result.ticket?.id === victim.id &&
      !view.includes(canary),
    `forged agent From → ${answer.status} ${result?.reason}`,
    answer,
  );
}

/**
 * Another requester (the attacker) and a stranger write `Re: [ref]` of
 * the victim's ticket, with made-up threading headers: each opens a
 * ticket of their own; the victim's ticket gains no event.
 */
async function refHijack(ctx: Ctx) {
  const { victim, id } = ctx.site;
  const senders = [`mallory.${id}@example.com`, `stranger.${id}@example.com`];
  const threads = [
    {},
    { inReplyTo: `<${victim.id}@${id}.example>` },
    { references: [`<ticketry.${victim.id}@acme.example>`] },
  ];
  for (const [i, address] of senders.entries()) {
    for (const [j, thread] of threads.entries()) {
      const before = await victimState(ctx);
      const raw = await compose({
        from: address,
        to: DESK_ADDRESS,
        subject: `Re: [${victim.ref}] hijack ${i}.${j}`,
        text: 'Appending to someone else’s ticket.',
        messageId: `<hijack-${i}-${j}@attack.example>`,
        ...thread,
      });
      const answer = await post(ctx, raw);
      const result = answer.status === 201 ? JSON.parse(answer.text) : null;
      const after = await victimState(ctx);
      judge(
        ctx,
        result?.reason === 'new_ticket' &&
          result.ticket?.id !== victim.id &&
          after.events === before.events,
        `ref hijack from ${address} ${JSON.stringify(thread)} → ${answer.status} ${result?.reason}`,
        answer,
      );
    }
  }
}

const acksTo = (mail: MailSide, address: string) =>
  mail.sent.filter(
    (s) =>
      s.mail.kind === 'acknowledgement' &&
      s.mail.to.some((t) => t.address === address),
  ).length;

/**
 * A mail loop: an auto-responder that answers every message with a new
 * one, and a sender that floods; our own address and our own
 * Message-IDs coming back. Acknowledgements stop at the hourly cap and
 * no machine-made mail is acknowledged.
 */
async function loops(ctx: Ctx, storm = 20) {
  const flood = 'flood@attack.example';
  const robot = 'robot@attack.example';
  for (let i = 0; i < storm; i++) {
    for (const [from, headers] of [
      [flood, {}],
      [robot, { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' }],
    ] as const) {
      const raw = await compose({
        from,
        to: DESK_ADDRESS,
        subject: `Out of office ${i}`,
        text: `Message ${i}`,
        headers,
      });
      const answer = await post(ctx, raw);
      judge(
        ctx,
        answer.status < 300,
        `loop mail ${i} → ${answer.status}`,
        answer,
      );
    }
  }
  await ctx.mail.idle();
  const flooded = acksTo(ctx.mail, flood);
  judge(ctx, flooded === MAX_ACKS, `${flooded} acknowledgements to a flood`);
  const robots = acksTo(ctx.mail, robot);
  judge(ctx, robots === 0, `${robots} acknowledgements to an auto-responder`);

  // Our own mail, delivered back to us: nothing is created.
  const own = [
    await compose({
      from: DESK_ADDRESS,
      to: DESK_ADDRESS,
      subject: 'Own',
      text: 'x',
    }),
    ctx.mail.sent[0]!.raw,
  ];
  for (const raw of own) {
    await refusedWith(ctx, raw, MAIL_SECRET, 200, 'our own mail back');
  }
}

/**
 * Refused means: exactly `status` (200 only as `ignored`), no quote of
 * a secret, and not one row of the database changed.
 */
async function refusedWith(
  ctx: Ctx,
  raw: string,
  secret: string,
  status: number,
  what: string,
) {
  await ctx.mail.idle();
  const before = ctx.world.snapshot().sum;
  const answer = await post(ctx, raw, secret);
  const after = ctx.world.snapshot().sum;
  const label = `${what} → ${answer.status} ${answer.text.slice(0, 80)}`;
  const ignored =
    status !== 200 || JSON.parse(answer.text).outcome === 'ignored';
  if (answer.status >= 500) ctx.tally.leak(label, answer.status);
  else if (answer.status !== status || !ignored) ctx.tally.leak(label);
  else if (
    found(answer.text, secretsOf(ctx.world)) ||
    answer.text.includes(MAIL_SECRET)
  )
    ctx.tally.leak(`${label} quotes a secret`);
  else if (after !== before) ctx.tally.leak(`${label} wrote to the store`);
  else ctx.tally.refused();
}

/**
 * Names and subjects with CR/LF and header lines in them: the outgoing
 * mail, as written for SMTP, gains no header and no recipient.
 */
async function headerInjection(ctx: Ctx) {
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
async function secretGuesses(ctx: Ctx) {
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

/**
 * Mail-specific attacks on acme's intake: forged agent From, ref
 * hijack, loops, oversized and garbage MIME, header injection into
 * outgoing mail, webhook secret guessing.
 */
export async function mailAttacks(world: World, mail: MailSide, leaks: Leak[]) {
  const tally = createTally('email attacks', leaks);
  const ctx: Ctx = { world, site: world.sites[0], mail, tally };
  await forgedAgent(ctx);
  await refHijack(ctx);
  await loops(ctx);
  await headerInjection(ctx);
  await secretGuesses(ctx);
  const site = { ...ctx.site, api: mail.api };
  for (const [what, body, accept] of garbageMail(MAIL_MAX_BYTES)) {
    await mail.idle();
    await mustRefuse(
      world,
      tally,
      site,
      { method: 'POST', path: '/mail/inbound', headers: withSecret(), body },
      what,
      { accept },
    );
  }
  await mail.idle();
  return tally.figures;
}
