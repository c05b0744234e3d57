/**
 * One process of the fairness test: opens the shared SQLite file,
 * submits `count` tickets and routes each with round robin, then prints
 * the agents it chose as JSON on stdout.
 * Usage: route-worker.ts <file.sqlite> <count>
 */
import { sqliteStore } from '@ticketry/adapters/sqlite';
import {
  createDesk,
  createRoutingService,
  roundRobin,
  teamRules,
} from '@ticketry/core';

const [file, count] = process.argv.slice(2);
const store = sqliteStore({ filename: file! });
const desk = createDesk({ store });
const routing = createRoutingService(desk, {
  router: teamRules({ rules: [], fallbackTeamId: 'desk', pick: roundRobin() }),
  auto: false,
});
const chosen: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const { ticket } = await desk.submit({
    subject: `Ticket ${process.pid}-${i}`,
    description: 'Routed by a worker process.',
    requester: { email: 'worker@example.com' },
  });
  const { decision } = await routing.route(ticket.id);
  chosen.push(decision.queued ? 'queued' : decision.agentId);
}
await store.close();
console.log(JSON.stringify(chosen));
