import { createOrganizations, type Desk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { signIdentity } from './identity.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

const SECRET = 'org-routes-identity-secret-0123456789';

let desk: Desk;
let keys: Awaited<ReturnType<typeof seededDesk>>['keys'];
let api: string;
let close: () => Promise<void>;
let orgs: ReturnType<typeof createOrganizations>;

beforeAll(async () => {
  ({ desk, keys } = await seededDesk());
  orgs = createOrganizations(desk);
  const handler = createHttpHandler({
    desk,
    identity: { secret: SECRET },
    services: { people: { organizations: orgs } },
  });
  const server = await serveNode(handler);
  api = `${server.url}/api/v1`;
  close = () => server.close();
});
afterAll(() => close());

const call = (
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
) =>
  fetch(`${api}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

const identity = (email: string) =>
  signIdentity(
    { userId: `u-${email}`, email, expiresAt: new Date(Date.now() + 3.6e6) },
    SECRET,
  );

async function file(email: string): Promise<string> {
  const response = await call('/tickets', {
    body: aSubmission({ requester: { email } }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).ticket.id;
}

describe('organizations over HTTP', () => {
  it('lets supervisors, not agents, create and change organizations', async () => {
    const body = {
      id: 'umbrella',
      name: 'Umbrella',
      domains: ['umbrella.example'],
    };
    const byAgent = await call('/organizations', { token: keys.agent, body });
    expect(byAgent.status).toBe(403);
    const created = await call('/organizations', {
      token: keys.supervisor,
      body,
    });
    expect(created.status).toBe(201);
    expect((await created.json()).organization.shareTickets).toBe(false);
    const changed = await call('/organizations/umbrella', {
      method: 'PUT',
      token: keys.supervisor,
      body: { shareTickets: true },
    });
    expect((await changed.json()).organization.shareTickets).toBe(true);
    const list = await call('/organizations', { token: keys.supervisor });
    const ids = (await list.json()).items.map((o: { id: string }) => o.id);
    expect(ids).toContain('umbrella');
    const gone = await call('/organizations/umbrella', {
      method: 'DELETE',
      token: keys.supervisor,
    });
    expect(gone.status).toBe(204);
    const missing = await call('/organizations/umbrella', {
      token: keys.supervisor,
    });
    expect(missing.status).toBe(404);
  });

  it('lets a colleague read a shared ticket but not write it, and nobody else read it', async () => {
    await call('/organizations', {
      token: keys.supervisor,
      body: {
        id: 'acme',
        name: 'Acme',
        domains: ['acme.example'],
        shareTickets: true,
      },
    });
    await call('/organizations', {
      token: keys.supervisor,
      body: { id: 'hush', name: 'Hush', domains: ['hush.example'] },
    });
    const ada = await file('ada@acme.example');
    const hid = await file('hal@hush.example');
    await file('bob@acme.example');
    await orgs.idle();
    const bob = await identity('bob@acme.example');
    const eve = await identity('eve@evil.example');
    const hana = await identity('hana@hush.example');

    const read = await call(`/tickets/${ada}`, { token: bob });
    expect(read.status).toBe(200);
    expect(await read.json()).not.toHaveProperty('requesterId');
    const write = await call(`/tickets/${ada}/messages`, {
      token: bob,
      body: { body: 'Me too.' },
    });
    expect(write.status).toBe(403);
    expect((await call(`/tickets/${ada}`, { token: eve })).status).toBe(403);
    // Hush does not share: a colleague there reads nothing of Hal's.
    expect((await call(`/tickets/${hid}`, { token: hana })).status).toBe(403);

    const shared = await call('/me/organization/tickets', { token: bob });
    expect(shared.status).toBe(200);
    const items = (await shared.json()).items as { id: string }[];
    expect(items.map((i) => i.id)).toContain(ada);
    expect(items.map((i) => i.id)).not.toContain(hid);
    const none = await call('/me/organization/tickets', { token: eve });
    expect((await none.json()).items).toEqual([]);
  });

  it('adds and removes explicit members', async () => {
    await call('/organizations', {
      token: keys.supervisor,
      body: { id: 'initech', name: 'Initech', shareTickets: true },
    });
    const tid = await file('pat@contractor.example');
    const added = await call('/organizations/initech/members', {
      token: keys.supervisor,
      body: { email: 'pat@contractor.example' },
    });
    expect(added.status).toBe(200);
    expect((await added.json()).items).toHaveLength(1);
    const removed = await call(
      '/organizations/initech/members?email=pat%40contractor.example',
      { method: 'DELETE', token: keys.supervisor },
    );
    expect(removed.status).toBe(204);
    const members = await call('/organizations/initech/members', {
      token: keys.supervisor,
    });
    expect((await members.json()).items).toEqual([]);
    expect(tid).toBeTruthy();
  });
});
