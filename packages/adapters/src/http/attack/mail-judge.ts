import { found, secretsOf } from './judge.js';
import { MAIL_SECRET, type MailSide } from './mail-world.js';
import { type Answer, send } from './routes.js';
import type { Tally } from './tally.js';
import type { Site, World } from './world.js';

/** What each mail attack works with: the world, acme and its intake. */
export interface Ctx {
  world: World;
  site: Site;
  mail: MailSide;
  tally: Tally;
}

/** Headers of a raw message sent with the webhook secret. */
export const withSecret = (secret = MAIL_SECRET) => ({
  'content-type': 'message/rfc822',
  'x-ticketry-mail-secret': secret,
});

/** Posts a raw message to the intake and counts its status. */
export async function post(
  ctx: Ctx,
  raw: string | Uint8Array,
  secret?: string,
) {
  const answer = await send(ctx.mail.api, {
    method: 'POST',
    path: '/mail/inbound',
    headers: withSecret(secret),
    body: raw,
  });
  ctx.tally.saw(answer.status);
  return answer;
}

/** Counts a checked outcome: passed when it held, else a leak. */
export function judge(ctx: Ctx, held: boolean, what: string, answer?: Answer) {
  if (answer && answer.status >= 500) ctx.tally.leak(what, answer.status);
  else if (held) ctx.tally.passed();
  else ctx.tally.leak(what);
}

/**
 * Refused means: exactly `status` (200 only as `ignored`), no quote of
 * a secret, and not one row of the database changed.
 */
export async function refusedWith(
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
