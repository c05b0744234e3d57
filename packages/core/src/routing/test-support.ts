import { createManualClock } from '../clock.js';
import { createDesk, type Desk } from '../desk/desk.js';
import type { AgentRouting } from '../schemas/routing.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { TicketStore } from '../store/types.js';
import { setAgentRouting } from './attributes.js';
import type { RoutingContext } from './types.js';

/** A Monday 10:00 UTC, inside everybody's default hours. */
export const MONDAY = '2024-03-04T10:00:00Z';

/** A desk over `store` with teams `desk` and `net`, no agents yet. */
export async function routingDesk(
  store: TicketStore = createMemoryStore(),
  at: string = MONDAY,
) {
  const clock = createManualClock(at);
  const desk = createDesk({ store, clock });
  if (!(await store.getTeam(desk.siteId, 'desk'))) {
    await desk.createTeam({ id: 'desk', name: 'Service desk' });
    await desk.createTeam({ id: 'net', name: 'Network' });
  }
  return { desk, clock, store };
}

/** Adds an agent of `teams` with routing attributes. */
export async function agent(
  desk: Desk,
  id: string,
  routing: AgentRouting = {},
  teams: string[] = ['desk'],
) {
  await desk.createAgent({ id, name: id, role: 'agent', teamIds: teams });
  if (Object.keys(routing).length) {
    await setAgentRouting(desk.core, id, routing);
  }
}

/** Submits a ticket and triages it into `team` (none: left untriaged). */
export async function ticket(
  desk: Desk,
  extra: { team?: string; category?: string; tags?: string[] } = {},
) {
  const { ticket: t } = await desk.submit({
    subject: 'VPN drops',
    description: 'The VPN drops every ten minutes.',
    requester: { email: 'grace@example.com' },
    ...(extra.tags && { tags: extra.tags }),
  });
  if (!extra.team && !extra.category) return t;
  const system = { role: 'system', id: null } as const;
  const triaged = await desk.triage(
    t.id,
    {
      impact: 'medium',
      urgency: 'medium',
      ...(extra.team && { teamId: extra.team }),
      ...(extra.category && { category: extra.category }),
    },
    { actor: system },
  );
  return triaged.ticket;
}

/** The context a router reads for `desk` at its clock. */
export const ctxOf = (desk: Desk, extra: Partial<RoutingContext> = {}) => ({
  store: desk.store,
  siteId: desk.siteId,
  now: desk.clock.now(),
  ...extra,
});
