import { createDesk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

/** Submits a ticket and reads its requesterId as an agent sees it. */
async function requesterOfNewTicket(overrides: Record<string, unknown>) {
  const { id, token } = await t.submit(overrides);
  const response = await t.call(`/tickets/${id}`, { token: t.keys.agent });
  const ticket = await response.json();
  return { requesterId: ticket.requesterId as string, token };
}

describe('GET /requesters/:id', () => {
  it('tells an agent who filed a ticket, and nothing more', async () => {
    const { requesterId } = await requesterOfNewTicket({
      requester: { email: 'Hedy@Example.com', name: 'Hedy' },
    });
    const response = await t.call(`/requesters/${requesterId}`, {
      token: t.keys.agent,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    const stored = await t.desk.store.getRequester('default', requesterId);
    expect(body).toEqual({
      id: requesterId,
      email: stored!.email,
      name: 'Hedy',
      createdAt: stored!.createdAt,
    });
    expect(body.email.toLowerCase()).toBe('hedy@example.com');
  });

  it('answers supervisors too, with a null name when none was given', async () => {
    const { requesterId } = await requesterOfNewTicket({
      requester: { email: 'anon@example.com' },
    });
    const response = await t.call(`/requesters/${requesterId}`, {
      token: t.keys.supervisor,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: requesterId,
      email: 'anon@example.com',
      name: null,
    });
  });

  it('refuses a requester token, even for its own requester, with 403', async () => {
    const { requesterId, token } = await requesterOfNewTicket({
      requester: { email: 'own@example.com' },
    });
    const response = await t.call(`/requesters/${requesterId}`, { token });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  });

  it('refuses a call without a credential with 401', async () => {
    const { requesterId } = await requesterOfNewTicket({
      requester: { email: 'nobody@example.com' },
    });
    const response = await t.call(`/requesters/${requesterId}`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown requester with 404 naming it', async () => {
    const response = await t.call('/requesters/no-such-person', {
      token: t.keys.agent,
    });
    expect(response.status).toBe(404);
    const { error } = await response.json();
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: 'no requester no-such-person',
    });
  });

  it('does not show a requester of another site on the same store', async () => {
    const elsewhere = createDesk({ store: t.desk.store, siteId: 'branch' });
    const { ticket } = await elsewhere.submit({
      subject: 'VPN drops',
      description: 'The VPN drops every hour.',
      requester: { email: 'branch@example.com' },
    });
    const response = await t.call(`/requesters/${ticket.requesterId}`, {
      token: t.keys.agent,
    });
    expect(response.status).toBe(404);
  });

  it('is in the OpenAPI document for agents, with its own 404 text', async () => {
    const doc = await (await t.call('/openapi.json')).json();
    const op = doc.paths['/requesters/{id}'].get;
    expect(op.operationId).toBe('getRequester');
    expect(op.security).toEqual([{ agentKey: [] }, { sessionToken: [] }]);
    expect(op.responses['404'].description).toBe('No such requester');
    const schema = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual([
      'createdAt',
      'email',
      'id',
      'name',
    ]);
  });
});
