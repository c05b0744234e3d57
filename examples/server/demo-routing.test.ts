import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TEAM, startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-routing-'));
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('routing in the demo server', () => {
  it('assigns a new web ticket to the service desk and explains why', async () => {
    const errors: unknown[] = [];
    const logger = createLogger({ quiet: true });
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'routing.sqlite'),
      seed: false,
      logger: {
        ...logger,
        error: (message, fields) => errors.push({ message, fields }),
      },
    });
    close = demo.close;
    const submitted = await fetch(`${demo.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Dock stopped working',
        description: 'The USB-C dock stopped after the update.',
        requester: { email: 'r@example.com' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { ticket } = await submitted.json();

    // The first in turn among the service desk's agents, by id.
    const members = (await demo.desk.listAgents())
      .filter((a) => a.active && a.teamIds.includes(DEMO_TEAM))
      .map((a) => a.id)
      .sort();
    await expect
      .poll(async () => (await demo.desk.get(ticket.id))?.assigneeId)
      .toBe(members[0]);
    const events = await demo.desk.events(ticket.id);
    const assigned = events.find((e) => e.type === 'ticket.assigned');
    expect(assigned?.data?.routing).toMatchObject({
      strategy: 'team_rules',
      teamId: DEMO_TEAM,
      agentId: members[0],
    });
    expect(errors).toEqual([]);
  });
});
