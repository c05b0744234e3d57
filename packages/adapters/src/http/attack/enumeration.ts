import { createId, publicTicketSchema } from '@ticketry/core';
import { signIdentity } from '../server/identity.js';
import { found, mustRefuse } from './judge.js';
import {
  type Answer,
  onTicket,
  send,
  targetsFor,
  victimIds,
} from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

const PUBLIC_KEYS = new Set(Object.keys(publicTicketSchema.shape));

/** Ticket ids and refs to probe: existing ones, sequential refs, random ids. */
function probes(site: Site, other: Site): string[] {
  const refs = Array.from({ length: 8 }, (_, i) => `T-${1001 + i}`);
  return [
    site.victim.id,
    site.victim.ref,
    other.victim.id,
    other.victim.ref,
    ...refs,
    createId(),
    createId(),
    '00000000000000000000',
    'zzzzzzzzzzzzzzzzzzzz',
  ];
}

/** The answer with the probed id taken out, so answers can be compared. */
const shapeOf = (answer: Answer, id: string) =>
  `${answer.status} ${answer.headers.get('content-type')} ${answer.text.split(id).join('<id>').split(encodeURIComponent(id)).join('<id>')}`;

/**
 * Every ticket route with a requester's token, an identity and no
 * credential, over existing and made-up ids and refs: each answer must
 * be a refusal identical for all of them, so none says a ticket exists.
 */
async function probeExistence(
  world: World,
  tally: Tally,
  site: Site,
  other: Site,
) {
  const credentials: Record<string, string | null> = {
    'requester token': site.attacker.token,
    identity: site.attacker.identity,
    'no credential': null,
  };
  const routes = targetsFor(victimIds(site)).filter((t) => onTicket(t.route));
  for (const [who, secret] of Object.entries(credentials)) {
    for (const base of routes) {
      const shapes = new Set<string>();
      for (const id of probes(site, other)) {
        const path = base.route.path
          .replace(':attachmentId', site.victim.attachmentId || 'att_x')
          .replace(':id', encodeURIComponent(id));
        const headers = { ...base.headers };
        if (secret) headers.authorization = `Bearer ${secret}`;
        const answer = await mustRefuse(
          world,
          tally,
          site,
          { ...base, path, headers },
          `${who} probing ${id}`,
        );
        shapes.add(shapeOf(answer, id));
      }
      if (shapes.size > 1) {
        tally.leak(
          `${who} on ${base.method} ${base.route.path}: ${shapes.size} different answers tell tickets apart: ${[...shapes].map((s) => s.slice(0, 80)).join(' | ')}`,
        );
      } else tally.passed();
    }
  }
}

/** Parses JSON and the `data:` lines of an event stream into values. */
function valuesOf(answer: Answer): unknown[] {
  if (answer.headers.get('content-type')?.startsWith('text/event-stream')) {
    return answer.text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)));
  }
  return [JSON.parse(answer.text)];
}

function ticketsIn(value: unknown): Record<string, unknown>[] {
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.items)) return v.items as Record<string, unknown>[];
  if (v.ticket) return [v.ticket as Record<string, unknown>];
  return [v];
}

/**
 * The victim's own views (read, stream, reply answer, My requests)
 * hold no internal note, no requester email or name, no assignee, team,
 * tags or priority reason, and no keys beyond the public ticket's.
 */
async function agentsOnlyData(tally: Tally, site: Site) {
  const identity = await signIdentity(
    {
      userId: 'victim',
      email: site.canaries.email,
      site: site.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    site.secret,
  );
  const auth = { authorization: `Bearer ${site.victim.token}` };
  const id = site.victim.id;
  const views: [string, Parameters<typeof send>[1]][] = [
    ['read', { method: 'GET', path: `/tickets/${id}`, headers: auth }],
    [
      'stream',
      {
        method: 'GET',
        path: `/tickets/${id}/stream?access_token=${site.victim.token}`,
        headers: {},
      },
    ],
    [
      'read by identity',
      {
        method: 'GET',
        path: `/tickets/${id}`,
        headers: { authorization: `Bearer ${identity}` },
      },
    ],
    [
      'My requests',
      {
        method: 'GET',
        path: '/me/tickets',
        headers: { authorization: `Bearer ${identity}` },
      },
    ],
    [
      'reply answer',
      {
        method: 'POST',
        path: `/tickets/${id}/messages`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{"body":"Any news?"}',
      },
    ],
  ];
  const { canaries } = site;
  const secret = [
    canaries.note,
    canaries.email,
    canaries.name,
    canaries.tag,
    canaries.priorityReason,
    canaries.assignee,
    canaries.team,
  ];
  for (const [what, target] of views) {
    const answer = await send(site.api, target);
    if (answer.status >= 300) {
      tally.leak(`victim's ${what} failed: ${answer.status}`, answer.status);
      continue;
    }
    const tickets = valuesOf(answer).flatMap(ticketsIn);
    const extra = tickets.flatMap((t) =>
      Object.keys(t).filter((k) => !PUBLIC_KEYS.has(k)),
    );
    const quoted = found(JSON.stringify(tickets), secret);
    if (tickets.length === 0)
      tally.leak(`victim's ${what}: no ticket in the answer`);
    else if (extra.length)
      tally.leak(`victim's ${what} has agents-only keys ${extra.join(', ')}`);
    else if (quoted) tally.leak(`victim's ${what} quotes ${quoted}`);
    else tally.passed();
  }
}

/** Ticket id and ref enumeration, and agents-only data in requester views. */
export async function enumerationAttacks(world: World, leaks: Leak[]) {
  const tally = createTally('enumeration', leaks);
  const [a, b] = world.sites;
  await probeExistence(world, tally, a, b);
  await probeExistence(world, tally, b, a);
  await agentsOnlyData(tally, a);
  await agentsOnlyData(tally, b);
  return tally.figures;
}
