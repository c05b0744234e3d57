import {
  createDesk,
  createManualClock,
  createMemoryStore,
  type Desk,
  publicTicketSchema,
  slaExplanationSchema,
} from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { aSubmission } from './test-setup.js';

const office = {
  id: 'berlin-office',
  timeZone: 'Europe/Berlin',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
  ),
};

/** A desk with an SLA, its handler, keys, and a fetch-like caller. */
async function slaApi() {
  const clock = createManualClock('2024-03-04T08:00:00Z'); // Monday 09:00
  const desk: Desk = createDesk({
    store: createMemoryStore(),
    clock,
    sla: {
      calendars: [office],
      policies: [
        {
          id: 'standard',
          version: 3,
          calendarId: 'berlin-office',
          targets: { moderate: { firstResponse: '4h', resolution: '16h' } },
        },
      ],
    },
  });
  await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['service-desk'],
  });
  const agent = await desk.createApiKey('ada');
  const handler = createHttpHandler({ desk });
  const call = (path: string, token: string, body?: unknown) =>
    handler(
      new Request(`http://127.0.0.1/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    );
  const submit = async () => {
    const response = await handler(
      new Request('http://127.0.0.1/api/v1/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aSubmission()),
      }),
    );
    const body = await response.json();
    return { id: body.ticket.id as string, token: body.accessToken as string };
  };
  return { desk, clock, agent, call, submit };
}

describe('GET /tickets/:id/sla', () => {
  it('gives agents the deadlines and the business time left', async () => {
    const api = await slaApi();
    const { id } = await api.submit();
    api.clock.set('2024-03-04T10:00:00Z');
    const response = await api.call(`/tickets/${id}/sla`, api.agent);
    expect(response.status).toBe(200);
    const body = slaExplanationSchema.parse(await response.json());
    expect(body.policy).toEqual({ id: 'standard', version: 3, name: null });
    const first = body.clocks.find((c) => c.target === 'firstResponse');
    expect(first).toMatchObject({
      dueAt: '2024-03-04T12:00:00.000Z',
      elapsedMs: 2 * 3_600_000,
      remainingMs: 2 * 3_600_000,
      state: 'running',
    });
  });

  it('is for agents only', async () => {
    const api = await slaApi();
    const { id, token } = await api.submit();
    const response = await api.call(`/tickets/${id}/sla`, token);
    expect(response.status).toBe(403);
  });
});

describe('what a requester reads through the API', () => {
  it('includes when to expect the first answer', async () => {
    const api = await slaApi();
    const { id, token } = await api.submit();
    const response = await api.call(`/tickets/${id}`, token);
    const view = publicTicketSchema.parse(await response.json());
    expect(view.expectation).toEqual({
      firstResponseBy: '2024-03-04T12:00:00.000Z',
      nextResponseBy: null,
      // 16 h of 8-hour days: Tuesday's closing time, not Wednesday 09:00.
      resolutionBy: '2024-03-05T16:00:00.000Z',
      paused: false,
    });
  });

  it('moves the clocks for a reply through the API exactly as for one through the desk', async () => {
    const changes = [];
    for (const via of ['api', 'desk'] as const) {
      const api = await slaApi();
      const { id, token } = await api.submit();
      const ada = { actor: { role: 'agent', id: 'ada' } } as const;
      await api.desk.assign(
        id,
        { assigneeId: 'ada', teamId: 'service-desk' },
        ada,
      );
      await api.desk.start(id, {}, ada);
      await api.desk.pend(id, { reason: 'requester' }, ada);
      api.clock.set('2024-03-05T08:00:00Z');
      if (via === 'api') {
        const response = await api.call(`/tickets/${id}/messages`, token, {
          body: 'Here is the log',
        });
        expect(response.status).toBe(201);
      } else {
        const t = (await api.desk.get(id))!;
        await api.desk.reply(
          id,
          { body: 'Here is the log' },
          { actor: { role: 'requester', id: t.requesterId } },
        );
      }
      const events = await api.desk.events(id);
      changes.push(events[events.length - 1]!.changes);
    }
    expect(changes[0]).toEqual(changes[1]);
    expect(changes[0]).toMatchObject({ status: 'in_progress' });
  });
});
