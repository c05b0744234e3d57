import { createPredictions, type Predictions } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** A desk served on 127.0.0.1 whose tickets say in a field if they missed. */
async function predictApi(off = false) {
  const { desk, keys } = await seededDesk();
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const category = i % 2 ? 'Network' : 'Printing';
    const { ticket } = await desk.submit(
      aSubmission({ category, fields: { missed: category === 'Network' } }),
    );
    ids.push(ticket.id);
  }
  let predictions: Predictions | undefined;
  if (!off) {
    predictions = await createPredictions(desk, {
      outcome: (r) => (r.fields['missed'] === true ? 1 : 0),
      laterAges: [],
      train: { epochs: 20 },
    });
  }
  const handler = createHttpHandler({
    desk,
    services: predictions ? { predictions } : {},
  });
  const server = await serveNode(handler);
  closers.push(async () => {
    predictions?.stop();
    await server.close();
  });
  const call = (path: string, token: string, method = 'GET') =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
  return { ids, keys, call, predictions, desk };
}

describe('predictions over HTTP', () => {
  it('serve a forecast to agents, with its days and split checked', async () => {
    const { keys, call } = await predictApi();
    const response = await call('/forecast?days=3&by=category', keys.agent);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ zone: 'UTC', by: 'category', basis: 'now' });
    expect(body.from).toBe(new Date().toISOString().slice(0, 10));
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    expect((await call('/forecast?days=99', keys.agent)).status).toBe(422);
    expect((await call('/forecast', 'not-a-key')).status).toBe(401);
  });

  it('score a ticket and rank the queue once the model is trained', async () => {
    const { ids, keys, call, predictions, desk } = await predictApi();
    expect((await call(`/tickets/${ids[1]}/risk`, keys.agent)).status).toBe(
      404,
    );
    await predictions!.refresh();
    const one = await (
      await call(`/tickets/${ids[1]}/risk`, keys.agent)
    ).json();
    expect(one.ticketId).toBe(ids[1]);
    const queue = await (await call('/risk/queue?limit=5', keys.agent)).json();
    expect(queue.tickets).toHaveLength(5);
    const risks = queue.tickets.map((t: { risk: number }) => t.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    // Network tickets missed in the history, so they lead the queue.
    expect(ids.indexOf(queue.tickets[0].ticketId) % 2).toBe(1);
    // Each entry names its ticket as agents know it: reference and subject.
    for (const entry of queue.tickets) {
      const ticket = await desk.get(entry.ticketId);
      expect(entry.ref).toBe(ticket!.ref);
      expect(entry.subject).toBe(ticket!.subject);
      expect(entry.ref).toMatch(/^T-\d+$/);
    }
    expect(one.risk).toBeGreaterThan(0.5);
  });

  it('refuse the risk of a ticket that is no longer open with 409', async () => {
    const { ids, keys, call, predictions, desk } = await predictApi();
    await predictions!.refresh();
    const ada = { actor: { role: 'agent', id: 'ada' } } as const;
    const id = ids[1]!;
    await desk.triage(
      id,
      { impact: 'low', urgency: 'low', teamId: 'service-desk' },
      ada,
    );
    await desk.core.execute(id, { type: 'assign', assigneeId: 'ada' }, ada);
    await desk.core.execute(id, { type: 'start' }, ada);
    const open = await (await call(`/tickets/${id}/risk`, keys.agent)).json();
    expect(open).toMatchObject({ ticketId: id, breached: false });
    expect(open).not.toHaveProperty('open');
    await desk.core.execute(
      id,
      { type: 'resolve', code: 'fixed', note: 'Done.' },
      ada,
    );
    const done = await call(`/tickets/${id}/risk`, keys.agent);
    expect(done.status).toBe(409);
    const { error } = await done.json();
    expect(error.code).toBe('TICKET_NOT_OPEN');
  });

  it('describe the queue entries with their reference and subject in OpenAPI', async () => {
    const { call, keys } = await predictApi(true);
    const doc = await (await call('/openapi.json', keys.agent)).json();
    const ok = doc.paths['/risk/queue'].get.responses['200'];
    const queue = ok.content['application/json'].schema;
    const entry = queue.properties.tickets.items;
    expect(entry.required).toEqual(expect.arrayContaining(['ref', 'subject']));
    expect(Object.keys(entry.properties)).toEqual(
      expect.arrayContaining(['ticketId', 'risk', 'ref', 'subject']),
    );
  });

  it('list alerts and refuse a parent for an unknown one', async () => {
    const { keys, call } = await predictApi();
    const body = await (await call('/alerts', keys.agent)).json();
    expect(body.alerts).toEqual([]);
    const parent = await call('/alerts/nope/parent', keys.agent, 'POST');
    expect(parent.status).toBe(404);
  });

  it('answer 404 when predictions are not configured', async () => {
    const { keys, call } = await predictApi(true);
    expect((await call('/forecast', keys.agent)).status).toBe(404);
    expect((await call('/alerts', keys.agent)).status).toBe(404);
  });
});
