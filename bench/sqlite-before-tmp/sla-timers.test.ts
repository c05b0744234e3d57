import { createDesk, createManualClock, type Desk } from '@ticketry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStore } from './index.js';
import { tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

const sla = {
  calendars: [
    {
      id: 'office',
      timeZone: 'Europe/Berlin',
      hours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
          d,
          [['09:00', '17:00']],
        ]),
      ),
    },
  ],
  policies: [
    {
      id: 'standard',
      version: 1,
      calendarId: 'office',
      targets: { moderate: { firstResponse: '2h', resolution: '8h' } },
      warnings: [{ percent: 50 }],
      escalations: [
        {
          level: 1,
          target: 'resolution' as const,
          offset: '+1h',
          actions: [{ type: 'notify' as const, to: ['supervisors'] }],
        },
      ],
    },
  ],
};

const TIMER_EVENTS = new Set([
  'ticket.sla_warned',
  'ticket.sla_breached',
  'ticket.escalated',
]);

async function timerIds(desk: Desk, id: string) {
  return (await desk.events(id))
    .filter((e) => TIMER_EVENTS.has(e.type))
    .map((e) => (e.data as { timerId: string }).timerId);
}

describe('SLA timers on one SQLite file', () => {
  it('fire once when two stores on the file tick at the same instant, and never again', async () => {
    const filename = files.file('sla');
    const clock = createManualClock('2024-03-04T08:00:00Z');
    const a = createDesk({ store: sqliteStore({ filename }), clock, sla });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { ticket } = await a.submit({
        subject: `Ticket ${i}`,
        description: 'Printer jams',
        requester: { email: `r${i}@example.com` },
      });
      ids.push(ticket.id);
    }
    const b = createDesk({ store: sqliteStore({ filename }), clock, sla });
    const now = new Date('2024-03-07T12:00:00Z');
    const [fromA, fromB] = await Promise.all([a.tick(now), b.tick(now)]);
    // Per ticket: two warnings, two breaches, one escalation.
    expect(fromA.length + fromB.length).toBe(4 * 5);
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromB.length).toBeGreaterThan(0);
    await a.store.close();
    await b.store.close();

    const restarted = createDesk({
      store: sqliteStore({ filename }),
      clock,
      sla,
    });
    expect(await restarted.tick(now)).toEqual([]);
    for (const id of ids) {
      const fired = await timerIds(restarted, id);
      expect(fired).toHaveLength(5);
      expect(new Set(fired).size).toBe(5);
    }
    await restarted.store.close();
  });
});
