import { type Answer, send, type Target } from './routes.js';
import type { Tally } from './tally.js';
import type { Site, World } from './world.js';

/**
 * Strings no attacker's answer may hold: the victims' agents-only data
 * and their secrets, on both sites.
 */
export function secretsOf(world: World): string[] {
  return world.sites.flatMap((s) => [
    ...Object.values(s.canaries),
    `victim-${s.id} subject`,
    `victim-${s.id} description`,
    s.victim.token,
    s.keys.agent,
    s.keys.supervisor,
    s.session,
  ]);
}

/** The first of `needles` found in `text`, or null. */
export const found = (text: string, needles: readonly string[]) =>
  needles.find((n) => text.includes(n)) ?? null;

/**
 * Sends an attack that must be refused: any 4xx that wrote nothing and
 * quotes no victim's data is refused; a 2xx, a 5xx, a write or a quote
 * is a leak. Returns the answer for further checks.
 */
export async function mustRefuse(
  world: World,
  tally: Tally,
  site: Site,
  target: Pick<Target, 'method' | 'path' | 'headers' | 'body'>,
  what: string,
  options: {
    accept?: readonly number[];
    quotes?: boolean;
    /** A write this refusal is known to leave behind, already reported. */
    knownWrite?: string;
  } = {},
): Promise<Answer> {
  const before = world.snapshot();
  const files = world.attachmentWrites();
  const answer = await send(site.api, target);
  tally.saw(answer.status);
  const label = `${what}: ${target.method} ${target.path} → ${answer.status}`;
  const quoted =
    options.quotes === false ? null : found(answer.text, secretsOf(world));
  const after = world.snapshot();
  if (answer.status >= 500) tally.leak(label, answer.status);
  else if (options.accept?.includes(answer.status)) tally.passed();
  else if (answer.status < 400) tally.leak(`${label} (accepted)`);
  else if (quoted) tally.leak(`${label} quotes ${quoted}`);
  else if (after.sum !== before.sum || world.attachmentWrites() !== files) {
    if (options.knownWrite) tally.known(`${label}: ${options.knownWrite}`);
    else tally.leak(`${label} wrote to the store`);
  } else tally.refused();
  return answer;
}
