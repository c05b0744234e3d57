import { createManualClock } from '../clock.js';
import { createDesk, type DeskOptions } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { CalendarInput } from './calendar-schema.js';
import type { SlaPolicyInput } from './policy-schema.js';
import type { SlaConfigInput } from './registry.js';

/** Monday to Friday 09:00–12:00 and 13:00–17:00 in Berlin, with Easter off. */
export const berlinOffice: CalendarInput = {
  id: 'berlin-office',
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    ]),
  ),
  holidays: [
    { date: '2024-03-29', name: 'Good Friday' },
    { date: '2024-04-01', name: 'Easter Monday' },
  ],
};

/** Office hours, a 75% warning, two escalation levels and reminders. */
export const standardPolicy: SlaPolicyInput = {
  id: 'standard',
  version: 1,
  name: 'Standard support',
  calendarId: 'berlin-office',
  targets: {
    critical: { firstResponse: '30m', resolution: '4h' },
    high: { firstResponse: '1h', nextResponse: '2h', resolution: '8h' },
    moderate: { firstResponse: '4h', nextResponse: '4h', resolution: '16h' },
    low: { firstResponse: '8h', resolution: '40h' },
  },
  pauseOn: ['requester', 'vendor'],
  warnings: [{ percent: 75 }],
  escalations: [
    {
      level: 1,
      target: 'resolution',
      offset: '-1h',
      actions: [{ type: 'notify', to: ['team'] }],
    },
    {
      level: 2,
      target: 'resolution',
      offset: '+2h',
      actions: [
        { type: 'raise_priority' },
        { type: 'automation', name: 'page' },
      ],
    },
  ],
  reminders: { reasons: ['requester'], after: '8h', repeat: 2 },
};

/** The setup most desk tests use. */
export const standardSla: SlaConfigInput = {
  calendars: [berlinOffice],
  policies: [standardPolicy],
};

/**
 * A desk with SLAs on a memory store, a manual clock at Monday
 * 2024-03-04 09:00 Berlin, one team, an agent and a supervisor.
 */
export async function slaDesk(options: Partial<DeskOptions> = {}) {
  const clock = createManualClock('2024-03-04T08:00:00Z');
  const store = options.store ?? createMemoryStore();
  const desk = createDesk({
    store,
    clock,
    sla: standardSla,
    slaHooks: { automations: { page: () => {} } },
    ...options,
  });
  if (!(await desk.store.getTeam(desk.siteId, 'service-desk'))) {
    await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
    await desk.createAgent({
      id: 'ada',
      name: 'Ada',
      role: 'agent',
      teamIds: ['service-desk'],
    });
    await desk.createAgent({
      id: 'sam',
      name: 'Sam',
      role: 'supervisor',
      teamIds: ['service-desk'],
    });
  }
  const ada = { actor: { role: 'agent', id: 'ada' } } as const;
  const sam = { actor: { role: 'supervisor', id: 'sam' } } as const;
  return { desk, clock, store, ada, sam };
}

/** Submits a ticket and triages it into the service desk. */
export async function triaged(
  env: Awaited<ReturnType<typeof slaDesk>>,
  urgency: 'high' | 'medium' | 'low' = 'medium',
) {
  const { ticket } = await env.desk.submit({
    subject: 'VPN drops',
    description: 'Every hour on the hour.',
    requester: { email: 'grace@example.com' },
  });
  const result = await env.desk.triage(
    ticket.id,
    { impact: 'medium', urgency, teamId: 'service-desk' },
    env.ada,
  );
  return result.ticket;
}

/** The clock of a target on a ticket. */
export const clockOf = (
  t: { sla?: { clocks: { target: string }[] } | null },
  target: string,
) =>
  t.sla?.clocks.find((c) => c.target === target) as
    | import('./state-schema.js').SlaClock
    | undefined;
