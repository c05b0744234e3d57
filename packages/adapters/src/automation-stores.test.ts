import {
  createAutomation,
  createDesk,
  createManualClock,
  FIRING_KIND,
  PRIORITIES,
  type TicketStore,
} from '@ticketry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { describeOnDatabases } from './postgres/test-support.js';
import { sqliteStore } from './sqlite/index.js';
import { tempFiles } from './sqlite/test-support.js';

const HOUR = 3_600_000;
const stale = {
  id: 'stale',
  kind: 'escalate_stale' as const,
  afterHours: 24,
  actions: [
    { type: 'raise_priority' as const },
    { type: 'note' as const, template: 'stale: {{ticket.ref}}' },
  ],
};

/**
 * Two desks on one database, as two processes would have, each with
 * its automation; the schedules must fire once per ticket between them.
 */
async function twoProcesses(a: TicketStore, b: TicketStore) {
  const clock = createManualClock('2024-06-03T08:00:00Z');
  const one = createDesk({ store: a, clock });
  const two = createDesk({ store: b, clock });
  await one.createTeam({ id: 'ops', name: 'Ops' });
  await one.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['ops'],
  });
  const ada = { actor: { role: 'agent', id: 'ada' } } as const;
  const ids: string[] = [];
  for (const subject of [
    'Disk full',
    'Backup failed',
    'Cert expiring',
    'DNS flaps',
  ]) {
    const { ticket } = await one.submit({
      subject,
      description: subject,
      requester: { email: 'ops@example.com' },
    });
    await one.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'ops' },
      ada,
    );
    ids.push(ticket.id);
  }
  const autoOne = createAutomation(one, { schedules: [stale] });
  const autoTwo = createAutomation(two, { schedules: [stale] });
  return { clock, one, two, ids, autoOne, autoTwo };
}

async function checkOnce(store: TicketStore, other: TicketStore) {
  const { clock, one, ids, autoOne, autoTwo } = await twoProcesses(
    store,
    other,
  );
  const before = await Promise.all(
    ids.map(async (id) => (await one.get(id))!.priority!),
  );
  clock.advance(25 * HOUR);
  const [r1, r2] = await Promise.all([
    autoOne.runSchedules(),
    autoTwo.runSchedules(),
  ]);
  expect([...r1, ...r2].map((r) => r.ticketId).sort()).toEqual([...ids].sort());
  for (const [i, id] of ids.entries()) {
    const notes = (await one.events(id)).filter(
      (e) => e.type === 'ticket.noted',
    );
    expect(notes).toHaveLength(1);
    // Raised exactly one step, not once per process.
    const raised = PRIORITIES[PRIORITIES.indexOf(before[i]!) - 1];
    expect((await one.get(id))!.priority).toBe(raised);
  }
  expect(await store.listRecords(one.siteId, FIRING_KIND)).toHaveLength(4);

  clock.advance(3 * HOUR);
  expect([
    ...(await autoOne.runSchedules()),
    ...(await autoTwo.runSchedules()),
  ]).toEqual([]);

  // Rules saved by one process reach the other on its next run.
  await autoOne.save('schedules', [], autoOne.rules('schedules').version);
  await autoTwo.runSchedules();
  expect(autoTwo.rules('schedules').items).toEqual([]);
}

describe('automation on SQLite', () => {
  const files = tempFiles();
  afterAll(() => files.remove());

  it('fires each schedule once per ticket between two stores on one file', async () => {
    const filename = files.file();
    const a = sqliteStore({ filename });
    const b = sqliteStore({ filename });
    try {
      await checkOnce(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describeOnDatabases('automation on PostgreSQL', (pg) => {
  it('fires each schedule once per ticket between two stores on one schema', async () => {
    const a = await pg.open();
    const b = await pg.open({ schema: a.schema });
    await checkOnce(a, b);
  }, 60_000);
});
