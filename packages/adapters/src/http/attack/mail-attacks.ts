import { compose } from '../../email/test-support.js';
import { mustRefuse } from './judge.js';
import { garbageMail } from './mail-garbage.js';
import { headerInjection, secretGuesses } from './mail-injection.js';
import {
  type Ctx,
  judge,
  post,
  refusedWith,
  withSecret,
} from './mail-judge.js';
import {
  DESK_ADDRESS,
  MAIL_MAX_BYTES,
  MAIL_SECRET,
  MAX_ACKS,
  type MailSide,
} from './mail-world.js';
import { send } from './routes.js';
import { createTally, type Leak } from './tally.js';
import type { World } from './world.js';

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
