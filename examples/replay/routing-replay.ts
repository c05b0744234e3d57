import {
  createDesk,
  createManualClock,
  createMemoryStore,
  createRoutingService,
  type Desk,
  type Workload,
  weightOf,
} from '@ticketry/core';
import {
  ARRIVAL_COLUMNS,
  type Arrival,
  arrivalsOf,
  type Staff,
} from './routing-arrivals.ts';
import { type BalanceReport, balanceReport } from './routing-report.ts';
import { type RoutingStrategyName, routerFor } from './routing-strategies.ts';
import { type Row, readRows } from './source.ts';

const SYSTEM = { role: 'system', id: null } as const;

async function seedStaff(desk: Desk, staff: Staff) {
  for (const [id, name] of staff.teams) await desk.createTeam({ id, name });
  for (const [id, a] of staff.agents) {
    await desk.createAgent({
      id,
      name: a.name,
      role: 'agent',
      teamIds: [...a.teamIds].sort(),
      // Skills are the categories the agent handled in the log.
      ...(a.categories.size && {
        routing: { skills: [...a.categories].slice(0, 20) },
      }),
    });
  }
}

/** Open work per agent, kept in step with the replay instead of queried. */
function tracker() {
  const open = new Map<string, Map<string, number>>();
  return {
    add(agentId: string, ticketId: string, weight: number) {
      const mine = open.get(agentId) ?? new Map<string, number>();
      mine.set(ticketId, weight);
      open.set(agentId, mine);
    },
    done(agentId: string, ticketId: string) {
      open.get(agentId)?.delete(ticketId);
    },
    async read(ids: readonly string[]) {
      const loads = new Map<string, Workload>();
      for (const id of ids) {
        const mine = [...(open.get(id)?.values() ?? [])];
        loads.set(id, {
          open: mine.length,
          weighted: mine.reduce((s, w) => s + w, 0),
        });
      }
      return loads;
    },
  };
}

/**
 * Replays ServiceNow arrivals through a routing strategy: each incident
 * arrives at its `opened_at` with its group (the `team-rules` strategy
 * chooses the group itself), is routed, and frees its agent when the
 * log says it was resolved. Answers load balance per agent and group
 * beside the log's own assignments.
 */
export async function replayRouting(
  rows: readonly Row[],
  strategy: RoutingStrategyName,
): Promise<BalanceReport> {
  const { arrivals, staff } = arrivalsOf(rows);
  const clock = createManualClock(new Date(arrivals[0]?.at ?? 0));
  const desk = createDesk({ store: createMemoryStore(), clock });
  await seedStaff(desk, staff);
  const loads = tracker();
  const routing = createRoutingService(desk, {
    router: routerFor(strategy, arrivals),
    auto: false,
    workload: loads.read,
  });
  const routed = new Map<Arrival, { agentId: string; teamId: string } | null>();
  const ends: { at: number; agentId: string; ticketId: string }[] = [];
  for (const a of arrivals) {
    ends.sort((x, y) => x.at - y.at);
    while (ends.length && ends[0]!.at <= a.at) {
      const end = ends.shift()!;
      loads.done(end.agentId, end.ticketId);
    }
    clock.set(new Date(a.at));
    const id = await arriveAndRoute(
      desk,
      routing,
      a,
      strategy === 'team-rules',
    );
    routed.set(
      a,
      id.agentId ? { agentId: id.agentId, teamId: id.teamId! } : null,
    );
    if (id.agentId) {
      loads.add(id.agentId, id.ticketId, id.weight);
      ends.push({ at: a.doneAt, agentId: id.agentId, ticketId: id.ticketId });
    }
  }
  return balanceReport(strategy, arrivals, routed, staff);
}

async function arriveAndRoute(
  desk: Desk,
  routing: ReturnType<typeof createRoutingService>,
  a: Arrival,
  ruleChoosesTeam: boolean,
) {
  const { ticket } = await desk.submit({
    subject: `Incident ${a.number}`,
    description: `Replayed arrival of ${a.number}.`,
    requester: { email: 'caller@example.invalid' },
    externalId: a.number,
    channel: 'import',
  });
  const triaged = await desk.triage(
    ticket.id,
    {
      impact: a.impact,
      urgency: a.urgency,
      ...(a.category && { category: a.category.slice(0, 100) }),
      ...(!ruleChoosesTeam && { teamId: a.teamId }),
    },
    { actor: SYSTEM },
  );
  const { decision } = await routing.route(ticket.id);
  return {
    ticketId: ticket.id,
    agentId: decision.queued ? null : decision.agentId,
    teamId: decision.queued ? null : decision.teamId,
    weight: weightOf(triaged.ticket),
  };
}

/** Reads a ServiceNow log file and replays its arrivals through `strategy`. */
export async function replayRoutingFile(
  file: string,
  strategy: RoutingStrategyName,
): Promise<BalanceReport> {
  const { rows } = await readRows(file, { columns: () => ARRIVAL_COLUMNS });
  return replayRouting(rows, strategy);
}
