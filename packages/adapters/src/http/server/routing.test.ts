import {
  createRoutingService,
  type RoutingService,
  roundRobin,
  teamRules,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** A seeded desk served on 127.0.0.1, with routing on unless `off`. */
async function routingApi(off = false) {
  const { desk, keys } = await seededDesk();
  let routing: RoutingService | undefined;
  if (!off) {
    routing = createRoutingService(desk, {
      router: teamRules({
        rules: [],
        fallbackTeamId: 'service-desk',
        pick: roundRobin(),
      }),
      auto: false,
    });
  }
  const handler = createHttpHandler({
    desk,
    services: routing ? { routing } : {},
  });
  const server = await serveNode(handler);
  closers.push(() => server.close());
  const call = (path: string, token: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const { ticket } = await desk.submit(aSubmission());
  return { desk, keys, call, ticketId: ticket.id };
}

describe('routing over HTTP', () => {
  it('routes a ticket on request and answers the decision', async () => {
    const { desk, keys, call, ticketId } = await routingApi();
    const response = await call(
      `/tickets/${ticketId}/route`,
      keys.agent,
      'POST',
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      queued: false,
      agentId: 'ada',
      teamId: 'service-desk',
      explanation: { strategy: 'team_rules' },
      ticket: { id: ticketId, status: 'assigned', assigneeId: 'ada' },
    });
    const events = await desk.events(ticketId);
    expect(events.at(-1)?.actor).toEqual({ role: 'agent', id: 'ada' });
    expect(events.at(-1)?.data?.routing).toEqual(body.explanation);

    const again = await call(`/tickets/${ticketId}/route`, keys.agent, 'POST');
    expect(again.status).toBe(409);

    const wrong = await call(
      `/tickets/${ticketId}/route/accept`,
      keys.other,
      'POST',
    );
    expect(wrong.status).toBe(409);
    const accepted = await call(
      `/tickets/${ticketId}/route/accept`,
      keys.agent,
      'POST',
    );
    expect(accepted.status).toBe(200);
  });

  it('reads and replaces routing attributes for supervisors only', async () => {
    const { keys, call } = await routingApi();
    const empty = await call('/agents/ada/routing', keys.supervisor);
    expect(await empty.json()).toEqual({ agentId: 'ada', routing: {} });

    const attributes = {
      skills: ['vpn'],
      capacity: 4,
      timeZone: 'Europe/Berlin',
      workingHours: { mon: [['09:00', '17:00']] },
    };
    const put = await call(
      '/agents/ada/routing',
      keys.supervisor,
      'PUT',
      attributes,
    );
    expect(put.status).toBe(200);
    expect(
      await (await call('/agents/ada/routing', keys.supervisor)).json(),
    ).toEqual({
      agentId: 'ada',
      routing: attributes,
    });

    const bad = await call('/agents/ada/routing', keys.supervisor, 'PUT', {
      timeZone: 'Mars/Base',
    });
    expect(bad.status).toBe(422);
    expect((await call('/agents/ada/routing', keys.agent)).status).toBe(403);
    expect((await call('/agents/nobody/routing', keys.supervisor)).status).toBe(
      404,
    );
  });

  it('answers 404 when routing is not configured', async () => {
    const { keys, call, ticketId } = await routingApi(true);
    const response = await call(
      `/tickets/${ticketId}/route`,
      keys.agent,
      'POST',
    );
    expect(response.status).toBe(404);
  });
});
