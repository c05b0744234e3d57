import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ allowedOrigins: ['https://intranet.example.com'] });
});
afterAll(() => t.close());

describe('routing', () => {
  it('answers an unknown route with 404 in the error shape', async () => {
    for (const path of ['/nope', '/tickets/x/y/z', '/']) {
      const response = await t.call(path);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('NOT_FOUND');
    }
    const outside = await fetch(`${t.server.url}/elsewhere`);
    expect(outside.status).toBe(404);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await t.call('/tickets/abc', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect((await response.json()).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers HEAD like GET, without a body', async () => {
    const { id, token } = await t.submit();
    const headers = { authorization: `Bearer ${token}` };
    const get = await t.call(`/tickets/${id}`, { headers });
    const head = await t.call(`/tickets/${id}`, { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toMatch(/json/);
    expect(await head.text()).toBe('');
    const unknown = await t.call('/tickets/nope', { method: 'HEAD', headers });
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toBe('');
  });

  it('answers a missing credential with 401 and WWW-Authenticate', async () => {
    const { id } = await t.submit();
    const response = await t.call(`/tickets/${id}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown token or scheme with 401', async () => {
    const { id } = await t.submit();
    for (const authorization of ['Bearer tkr_nope', 'Bearer x', 'Basic abc']) {
      const response = await t.call(`/tickets/${id}`, {
        headers: { authorization },
      });
      expect(response.status).toBe(401);
    }
  });
});

describe('GET /tickets/:id', () => {
  it('shows the requester the public view with an ETag', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    const view = await response.json();
    expect(view.messages).toHaveLength(1);
    expect(view).not.toHaveProperty('requesterId');
    expect(view).not.toHaveProperty('assigneeId');
  });

  it('shows an agent the full ticket', async () => {
    const { id } = await t.submit();
    const response = await t.call(`/tickets/${id}`, { token: t.keys.agent });
    const ticket = await response.json();
    expect(ticket).toMatchObject({ id, version: 1 });
    expect(ticket).toHaveProperty('requesterId');
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('refuses a requester token on another ticket, existing or not, with 403', async () => {
    const mine = await t.submit();
    const theirs = await t.submit({ requester: { email: 'eve@example.com' } });
    for (const id of [theirs.id, 'does-not-exist']) {
      const response = await t.call(`/tickets/${id}`, { token: mine.token });
      expect(response.status).toBe(403);
    }
    const stream = await t.call(
      `/tickets/${theirs.id}/stream?access_token=${mine.token}`,
    );
    expect(stream.status).toBe(403);
  });

  it('answers an agent asking for an unknown ticket with 404', async () => {
    const response = await t.call('/tickets/missing', { token: t.keys.agent });
    expect(response.status).toBe(404);
  });
});

describe('GET /tickets', () => {
  it('lists for agents with filters, limits and cursors', async () => {
    const a = await t.submit();
    await t.submit();
    const one = await t.call(
      '/tickets?status=new,open&limit=1&sort=createdAt',
      {
        token: t.keys.agent,
      },
    );
    expect(one.status).toBe(200);
    const page = await one.json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await t.call(
      `/tickets?status=new&status=open&limit=1&sort=createdAt&cursor=${page.nextCursor}`,
      { token: t.keys.agent },
    );
    const second = await next.json();
    expect(second.items[0].id).not.toBe(page.items[0].id);
    expect(a.id).toBeTruthy();
  });

  it('answers invalid or unknown query parameters with 422 naming them', async () => {
    const cases: [string, string][] = [
      ['status=lost', 'status.0'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['sort=random', 'sort'],
      ['dueBefore=yesterday', 'dueBefore'],
      ['stauts=new', ''],
      ['limit=1&limit=2', 'limit'],
    ];
    for (const [query, path] of cases) {
      const response = await t.call(`/tickets?${query}`, {
        token: t.keys.agent,
      });
      expect(response.status, query).toBe(422);
      const body = await response.json();
      expect(body.error.issues[0].path.join('.'), query).toBe(path);
    }
    const twice = await t.call(
      '/tickets?limit=1&limit=2&status=new&status=open',
      {
        token: t.keys.agent,
      },
    );
    expect((await twice.json()).error.message).toBe(
      'invalid query at limit: limit was given more than once; send it once',
    );
  });

  it('refuses requester tokens with 403 and anonymous callers with 401', async () => {
    const { token } = await t.submit();
    expect((await t.call('/tickets', { token })).status).toBe(403);
    expect((await t.call('/tickets')).status).toBe(401);
  });
});

describe('GET /tickets/:id/events', () => {
  it('gives agents the audit trail and refuses requesters', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}/events`, {
      token: t.keys.agent,
    });
    expect(response.status).toBe(200);
    const { events } = await response.json();
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'ticket.submitted',
    ]);
    expect((await t.call(`/tickets/${id}/events`, { token })).status).toBe(403);
    const missing = await t.call('/tickets/nope/events', {
      token: t.keys.agent,
    });
    expect(missing.status).toBe(404);
  });
});

describe('agents and teams', () => {
  it('lets a supervisor create a team and an agent whose key works', async () => {
    const team = await t.call('/teams', {
      body: { id: 'field', name: 'Field service' },
      token: t.keys.supervisor,
    });
    expect(team.status).toBe(201);
    const created = await t.call('/agents', {
      body: { name: 'Lin', role: 'agent', teamIds: ['field'] },
      token: t.keys.supervisor,
    });
    expect(created.status).toBe(201);
    const { agent, apiKey } = await created.json();
    expect(agent).toMatchObject({
      name: 'Lin',
      active: true,
      teamIds: ['field'],
    });
    expect((await t.call('/tickets', { token: apiKey })).status).toBe(200);

    const agents = await (
      await t.call('/agents', { token: t.keys.supervisor })
    ).json();
    expect(agents.items.map((a: { id: string }) => a.id)).toContain(agent.id);
    const teams = await (
      await t.call('/teams', { token: t.keys.supervisor })
    ).json();
    expect(teams.items.map((x: { id: string }) => x.id)).toContain('field');
  });

  it('refuses agents who are not supervisors with 403', async () => {
    for (const path of ['/agents', '/teams']) {
      expect((await t.call(path, { token: t.keys.agent })).status).toBe(403);
    }
    const response = await t.call('/agents', {
      body: { name: 'Mallory', role: 'supervisor' },
      token: t.keys.agent,
    });
    expect(response.status).toBe(403);
  });

  it('refuses an unknown team with 422 naming the field', async () => {
    const unknown = await t.call('/agents', {
      body: { name: 'Kim', role: 'agent', teamIds: ['service-desk', 'ghosts'] },
      token: t.keys.supervisor,
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues[0].path).toEqual(['teamIds', 1]);
  });
});

describe('CORS', () => {
  const origin = 'https://intranet.example.com';

  it('answers a preflight from a listed origin without allowing credentials', async () => {
    const response = await t.call('/tickets', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'POST, GET, HEAD',
    );
    expect(response.headers.get('access-control-allow-headers')).toContain(
      'idempotency-key',
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read answers and their ETag, and nobody else', async () => {
    const { id, token } = await t.submit();
    const listed = await t.call(`/tickets/${id}`, {
      token,
      headers: { origin },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(listed.headers.get('access-control-expose-headers')).toContain(
      'etag',
    );
    expect(listed.headers.get('vary')).toContain('Origin');

    const other = await t.call(`/tickets/${id}`, {
      token,
      headers: { origin: 'https://evil.example.net' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an allow-list entry that is not an origin', async () => {
    const { createHttpHandler } = await import('./handler.js');
    expect(() =>
      createHttpHandler({
        desk: t.desk,
        allowedOrigins: ['intranet.example.com'],
      }),
    ).toThrow(/allowedOrigins/);
  });
});
