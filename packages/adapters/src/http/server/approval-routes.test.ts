import {
  type Approvals,
  createApprovals,
  createWatchers,
  type Desk,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { signIdentity } from './identity.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

const SECRET = 'people-routes-identity-secret-012345';

let desk: Desk;
let keys: Awaited<ReturnType<typeof seededDesk>>['keys'];
let approvals: Approvals;
let api: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ desk, keys } = await seededDesk());
  approvals = createApprovals(desk, {
    rules: [{ ticketType: 'change', approvers: ['bob'] }],
  });
  const people = { approvals, watchers: createWatchers(desk) };
  const handler = createHttpHandler({
    desk,
    identity: { secret: SECRET },
    services: { people },
  });
  const server = await serveNode(handler);
  api = `${server.url}/api/v1`;
  close = () => server.close();
});
afterAll(() => close());

const call = (
  path: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string;
    ifMatch?: number;
  } = {},
) =>
  fetch(`${api}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.ifMatch && { 'if-match': `"${init.ifMatch}"` }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function submit(email = 'grace@example.com') {
  const response = await call('/tickets', {
    body: aSubmission({ requester: { email } }),
  });
  const body = await response.json();
  return { id: body.ticket.id as string, token: body.accessToken as string };
}

async function changeTicket(): Promise<string> {
  const { id } = await submit();
  const triaged = await call(`/tickets/${id}/commands`, {
    token: keys.agent,
    ifMatch: 1,
    body: {
      type: 'triage',
      impact: 'low',
      urgency: 'low',
      ticketType: 'change',
    },
  });
  expect(triaged.status).toBe(200);
  await approvals.idle();
  return id;
}

describe('approvals over HTTP', () => {
  it('lists waiting tickets and lets only the named approver decide', async () => {
    const id = await changeTicket();
    const pending = await call('/approvals/pending?mine=true', {
      token: keys.other,
    });
    const ids = (await pending.json()).items.map((t: { id: string }) => t.id);
    expect(ids).toContain(id);
    const notMine = await call('/approvals/pending?mine=true', {
      token: keys.agent,
    });
    expect((await notMine.json()).items).toEqual([]);

    const start = await call(`/tickets/${id}/commands`, {
      token: keys.supervisor,
      ifMatch: (await desk.get(id))!.version,
      body: { type: 'assign', assigneeId: 'ada' },
    });
    expect(start.status).toBe(409);
    const byAda = await call(`/tickets/${id}/approval/approve`, {
      token: keys.agent,
      body: {},
    });
    expect(byAda.status).toBe(403);
    const byBob = await call(`/tickets/${id}/approval/approve`, {
      token: keys.other,
      body: { reason: 'Fine by me' },
    });
    expect(byBob.status).toBe(200);
    expect((await byBob.json()).ticket.status).toBe('open');
    const again = await call(`/tickets/${id}/approval/approve`, {
      token: keys.other,
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it('cancels a refused ticket and wants a reason', async () => {
    const id = await changeTicket();
    const bare = await call(`/tickets/${id}/approval/reject`, {
      token: keys.other,
      body: {},
    });
    expect(bare.status).toBe(422);
    const refused = await call(`/tickets/${id}/approval/reject`, {
      token: keys.other,
      body: { reason: 'Not this quarter' },
    });
    expect(refused.status).toBe(200);
    const { ticket, event } = await refused.json();
    expect(ticket.status).toBe('cancelled');
    expect(event.data.reason).toBe('rejected');
  });
});

describe('watchers over HTTP', () => {
  it('lets agents add and list, a watcher leave, and refuses the rest', async () => {
    const { id, token: owner } = await submit();
    const add = (email: string, token = keys.agent) =>
      call(`/tickets/${id}/watchers`, { token, body: { email } });
    expect((await add('lin@example.com')).status).toBe(201);
    expect((await add('lin@example.com')).status).toBe(200);
    expect((await add('kim@example.com')).status).toBe(201);
    expect((await add('eve@example.com', owner)).status).toBe(403);

    const list = await call(`/tickets/${id}/watchers`, { token: keys.agent });
    const emails = (await list.json()).items.map(
      (w: { email: string }) => w.email,
    );
    expect(emails).toEqual(['lin@example.com', 'kim@example.com']);

    const lin = await signIdentity(
      {
        userId: 'u-lin',
        email: 'lin@example.com',
        expiresAt: new Date(Date.now() + 3.6e6),
      },
      SECRET,
    );
    const remove = (email: string, token: string) =>
      call(`/tickets/${id}/watchers?email=${encodeURIComponent(email)}`, {
        method: 'DELETE',
        token,
      });
    expect((await remove('kim@example.com', lin)).status).toBe(403);
    const self = await remove('lin@example.com', lin);
    expect(self.status).toBe(200);
    expect((await self.json()).changed).toBe(true);
    const byOwner = await remove('kim@example.com', owner);
    expect((await byOwner.json()).ticket).toBeUndefined();
    expect(byOwner.status).toBe(200);
    expect((await desk.get(id))?.watchers).toEqual([]);
  });
});
