import { ticketCount } from './queues.js';
import type { TicketConsole } from './ticket-console.js';

/**
 * Sends `build(ticket)` to each ticked ticket whose allowed commands
 * (from the server's lifecycle table) hold `type`; the others are
 * skipped and counted. Reloads the queue after.
 */
async function bulk(
  host: TicketConsole,
  type: string,
  build: (teamId: string | null) => Record<string, unknown>,
): Promise<void> {
  const chosen = host.tickets.filter((t) => host.selected.has(t.id));
  let done = 0;
  let skipped = 0;
  await host.run(async () => {
    for (const ticket of chosen) {
      const allowed = await host.api.commands(ticket.id);
      if (!allowed.some((c) => c.type === type)) {
        skipped++;
        continue;
      }
      const fresh = await host.api.ticket(ticket.id);
      await host.api.send(ticket.id, fresh.version, build(fresh.teamId));
      done++;
    }
  });
  await host.showQueue();
  const note = skipped
    ? `; ${skipped} skipped (not allowed in their state)`
    : '';
  host.announce(`${type}: ${ticketCount(done)}${note}`);
}

/** Assigns every ticked ticket to the signed-in agent. */
export function bulkAssign(host: TicketConsole): Promise<void> {
  const agent = host.agent!;
  return bulk(host, 'assign', (teamId) => ({
    type: 'assign',
    assigneeId: agent.id,
    teamId: teamId ?? agent.teamIds[0],
  }));
}

/** Closes every ticked ticket the lifecycle lets the agent close. */
export function bulkClose(host: TicketConsole): Promise<void> {
  return bulk(host, 'close', () => ({ type: 'close' }));
}
