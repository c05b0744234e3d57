import {
  createDesk,
  createManualClock,
  createMemoryStore,
  type ManualClock,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission } from './test-setup.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PASSWORD = 'correct horse battery';

let clock: ManualClock;
let close: () => Promise<void>;
let api: string;
let keys: { sam: string; ada: string };

beforeAll(async () => {
  clock = createManualClock('2024-05-01T09:00:00Z');
  const desk = createDesk({
    store: createMemoryStore(),
    clock,
    access: {
      accessTokenLifetimeMs: 30 * DAY,
      sessionIdleMs: 30 * MINUTE,
      passwordHashing: { ln: 10, r: 8, p: 1 },
    },
  });
  await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
  const teamIds = ['service-desk'];
  await desk.createAgent({
    id: 'sam',
    name: 'Sam',
    email: 'sam@example.com',
    role: 'supervisor',
    teamIds,
  });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    email: 'ada@example.com',
    role: 'agent',
    teamIds,
  });
  keys = {
    sam: await desk.createApiKey('sam'),
    ada: await desk.createApiKey('ada'),
  };
  const server = await serveNode(createHttpHandler({ desk, heartbeatMs: 50 }));
  api = `${server.url}/api/v1`;
  close = server.close;
});
afterAll(() => close());

function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${api}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect((await response.json()).error.code).toBe(code);
}

async function submit(email = 'grace@example.com') {
  const response = await call('/tickets', {
    body: aSubmission({ requester: { email } }),
  });
  const body = await response.json();
  return { id: body.ticket.id as string, token: body.accessToken as string };
}

describe('requester access tokens over HTTP', () => {
  it('expire: 401 TOKEN_EXPIRED, on reads and on the stream', async () => {
    const { id, token } = await submit();
    clock.advance(30 * DAY - 1);
    expect((await call(`/tickets/${id}`, { token })).status).toBe(200);
    clock.advance(1);
    await expectError(
      await call(`/tickets/${id}`, { token }),
      401,
      'TOKEN_EXPIRED',
    );
    await expectError(
      await call(`/tickets/${id}/stream?access_token=${token}`),
      401,
      'TOKEN_EXPIRED',
    );
    clock.advance(-30 * DAY);
  });

  it('are issued afresh by agents, for one ticket, with their expiry', async () => {
    const mine = await submit();
    const other = await submit('kim@example.com');
    const response = await call(`/tickets/${mine.id}/access-token`, {
      method: 'POST',
      token: keys.ada,
    });
    expect(response.status).toBe(201);
    const issued = await response.json();
    expect(issued).toEqual({
      ticketId: mine.id,
      accessToken: expect.stringMatching(/^tkr_/),
      expiresAt: new Date(clock.now().getTime() + 30 * DAY).toISOString(),
    });
    const token = issued.accessToken;
    expect((await call(`/tickets/${mine.id}`, { token })).status).toBe(200);
    await expectError(
      await call(`/tickets/${other.id}`, { token }),
      403,
      'FORBIDDEN',
    );
    await expectError(
      await call(`/tickets/${mine.id}/access-token`, {
        method: 'POST',
        token: mine.token,
      }),
      403,
      'FORBIDDEN',
    );
    await expectError(
      await call('/tickets/nope/access-token', {
        method: 'POST',
        token: keys.ada,
      }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await call(`/tickets/${mine.id}/access-token`, { method: 'POST' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('are revoked per ticket by agents: 401 TOKEN_REVOKED, later tokens work', async () => {
    const mine = await submit();
    const other = await submit('kim@example.com');
    await expectError(
      await call(`/tickets/${mine.id}/access-tokens/revoke`, {
        method: 'POST',
        token: mine.token,
      }),
      403,
      'FORBIDDEN',
    );
    const response = await call(`/tickets/${mine.id}/access-tokens/revoke`, {
      method: 'POST',
      token: keys.ada,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ticketId: mine.id,
      revokedAt: clock.now().toISOString(),
      generation: 1,
    });
    const audit = await call(`/tickets/${mine.id}/events`, { token: keys.ada });
    const { events } = await audit.json();
    expect(events.at(-1)).toMatchObject({
      type: 'ticket.access_revoked',
      actor: { role: 'agent', id: 'ada' },
      data: { generation: 1 },
    });
    expect(JSON.stringify(events)).not.toContain(mine.token);
    const token = mine.token;
    await expectError(
      await call(`/tickets/${mine.id}`, { token }),
      401,
      'TOKEN_REVOKED',
    );
    await expectError(
      await call(`/tickets/${mine.id}/messages`, {
        token,
        body: { body: 'hi' },
      }),
      401,
      'TOKEN_REVOKED',
    );
    expect(
      (await call(`/tickets/${other.id}`, { token: other.token })).status,
    ).toBe(200);
    const fresh = await call(`/tickets/${mine.id}/access-token`, {
      method: 'POST',
      token: keys.sam,
    });
    const { accessToken } = await fresh.json();
    expect(
      (await call(`/tickets/${mine.id}`, { token: accessToken })).status,
    ).toBe(200);
    await expectError(
      await call('/tickets/nope/access-tokens/revoke', {
        method: 'POST',
        token: keys.ada,
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('open event streams', () => {
  it('end once their token is revoked', async () => {
    const { id, token } = await submit();
    const response = await call(`/tickets/${id}/stream?access_token=${token}`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: ticket')) {
      text += decoder.decode((await reader.read()).value);
    }
    await call(`/tickets/${id}/access-tokens/revoke`, {
      method: 'POST',
      token: keys.ada,
    });
    // The server closes the stream: read to its end.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    const again = await call(`/tickets/${id}/stream?access_token=${token}`);
    await expectError(again, 401, 'TOKEN_REVOKED');
  });
});

describe('console passwords and sessions over HTTP', () => {
  it('lets a supervisor set a password, and nobody else', async () => {
    const set = (token: string, id: string, password: unknown) =>
      call(`/agents/${id}/password`, { token, body: { password } });
    await expectError(await set(keys.ada, 'ada', PASSWORD), 403, 'FORBIDDEN');
    await expectError(
      await set(keys.sam, 'ada', 'too short'),
      422,
      'VALIDATION_FAILED',
    );
    await expectError(
      await set(keys.sam, 'nobody', PASSWORD),
      404,
      'NOT_FOUND',
    );
    const response = await set(keys.sam, 'ada', PASSWORD);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('signs in to a session that works wherever an API key does, and signs out', async () => {
    const response = await call('/sessions', {
      body: { email: 'ADA@example.com', password: PASSWORD },
    });
    expect(response.status).toBe(201);
    const session = await response.json();
    expect(session).toMatchObject({
      token: expect.stringMatching(/^tks_[\w-]{43}$/),
      idleTimeoutSeconds: 1800,
      agent: { id: 'ada', role: 'agent' },
    });
    const token = session.token as string;
    const { id } = await submit();
    expect((await call('/tickets', { token })).status).toBe(200);
    expect((await call(`/tickets/${id}/events`, { token })).status).toBe(200);
    const started = await call(`/tickets/${id}/commands`, {
      token,
      body: { type: 'triage', impact: 'low', urgency: 'low' },
    });
    expect(started.status).toBe(428); // reached the command, wants If-Match
    await expectError(await call('/agents', { token }), 403, 'FORBIDDEN');

    await expectError(
      await call('/sessions/current', { method: 'DELETE', token: keys.ada }),
      403,
      'FORBIDDEN',
    );
    const out = await call('/sessions/current', { method: 'DELETE', token });
    expect(out.status).toBe(204);
    await expectError(await call('/tickets', { token }), 401, 'TOKEN_REVOKED');
    expect(
      (await call('/sessions/current', { method: 'DELETE', token })).status,
    ).toBe(204);
    await expectError(
      await call('/sessions/current', {
        method: 'DELETE',
        token: 'tks_unknown',
      }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('ends an idle session with 401 TOKEN_EXPIRED', async () => {
    const response = await call('/sessions', {
      body: { email: 'ada@example.com', password: PASSWORD },
    });
    const { token } = await response.json();
    clock.advance(30 * MINUTE);
    await expectError(await call('/tickets', { token }), 401, 'TOKEN_EXPIRED');
  });

  it('answers a wrong password and an unknown email alike, then 429 with Retry-After', async () => {
    await call(`/agents/sam/password`, {
      token: keys.sam,
      body: { password: PASSWORD },
    });
    const wrong = await call('/sessions', {
      body: { email: 'sam@example.com', password: 'not the password' },
    });
    const unknown = await call('/sessions', {
      body: { email: 'nobody@example.com', password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    for (let i = 0; i < 4; i++) {
      await call('/sessions', {
        body: { email: 'sam@example.com', password: `wrong ${i}` },
      });
    }
    const locked = await call('/sessions', {
      body: { email: 'sam@example.com', password: PASSWORD },
    });
    await expectError(locked, 429, 'RATE_LIMITED');
    expect(locked.headers.get('retry-after')).toBe('60');
    clock.advance(MINUTE);
    const open = await call('/sessions', {
      body: { email: 'sam@example.com', password: PASSWORD },
    });
    expect(open.status).toBe(201);
  });

  it('refuses a malformed sign-in with 422', async () => {
    await expectError(
      await call('/sessions', { body: { email: 'ada@example.com' } }),
      422,
      'VALIDATION_FAILED',
    );
    await expectError(
      await call('/sessions', {
        body: { email: 'a@example.com', password: 'x', extra: 1 },
      }),
      422,
      'VALIDATION_FAILED',
    );
  });
});
