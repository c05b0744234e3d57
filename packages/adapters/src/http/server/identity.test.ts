import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { signIdentity } from './identity.js';
import { ROUTES } from './routes.js';
import { aSubmission, startServer, type TestServer } from './test-setup.js';

const SECRET = 'test-identity-secret-0123456789abcdef';
const NEXT_SECRET = 'rolled-identity-secret-fedcba9876543210';
const HOUR = 3_600_000;

let t: TestServer;
let plain: TestServer;
beforeAll(async () => {
  t = await startServer({ identity: { secret: [SECRET, NEXT_SECRET] } });
  plain = await startServer();
});
afterAll(async () => {
  await t.close();
  await plain.close();
});

/** A token for `email`, valid for an hour unless told otherwise. */
const tokenFor = (
  email: string,
  extra: Partial<Parameters<typeof signIdentity>[0]> = {},
  secret = SECRET,
) =>
  signIdentity(
    {
      userId: `user-${email}`,
      email,
      expiresAt: new Date(Date.now() + HOUR),
      ...extra,
    },
    secret,
  );

/** A token made by hand from raw claims, as a host in any language would. */
function handMade(claims: unknown, secret = SECRET): string {
  const json = typeof claims === 'string' ? claims : JSON.stringify(claims);
  const signed = `tki_${Buffer.from(json).toString('base64url')}`;
  const mac = createHmac('sha256', secret).update(signed).digest('base64url');
  return `${signed}.${mac}`;
}

const now = () => Math.floor(Date.now() / 1000);

const codeOf = async (response: Response) => {
  const body = await response.json();
  return `${response.status} ${body.error?.code}`;
};

const myTickets = (token: string) => t.call('/me/tickets', { token });

describe('identity tokens', () => {
  it('list all of the requester’s tickets, filed before and while identified, and nobody else’s', async () => {
    const before = await t.submit({
      requester: { email: 'Lin@Example.com' },
    });
    const other = await t.submit({ requester: { email: 'kim@example.com' } });
    const token = await tokenFor('lin@example.com', { name: 'Lin' });

    const filed = await t.call('/tickets', {
      token,
      body: aSubmission({ requester: { email: 'spoofed@example.com' } }),
    });
    expect(filed.status).toBe(201);
    const { ticket: during } = await filed.json();

    const response = await myTickets(token);
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.identity).toEqual({
      userId: 'user-lin@example.com',
      email: 'lin@example.com',
      name: 'Lin',
    });
    const ids = page.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([during.id, before.id]);
    expect(ids).not.toContain(other.id);
    expect(page.items[0]).not.toHaveProperty('requesterId');
    const requester = await t.desk.store.findRequesterByEmail(
      t.desk.siteId,
      'spoofed@example.com',
    );
    expect(requester).toBeNull();
  });

  it('open their own tickets (read, stream, reply, commands) and refuse others with 403', async () => {
    const mine = await t.submit({ requester: { email: 'ola@example.com' } });
    const theirs = await t.submit({ requester: { email: 'max@example.com' } });
    const token = await tokenFor('ola@example.com');

    const read = await t.call(`/tickets/${mine.id}`, { token });
    expect(read.status).toBe(200);
    expect(await read.json()).not.toHaveProperty('requesterId');
    const stream = await t.call(
      `/tickets/${mine.id}/stream?access_token=${token}`,
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/event-stream/);
    await stream.body?.cancel();
    const reply = await t.call(`/tickets/${mine.id}/messages`, {
      token,
      body: { body: 'Still broken.' },
    });
    expect(reply.status).toBe(201);
    const cancel = await t.call(`/tickets/${mine.id}/commands`, {
      token,
      body: { type: 'cancel', reason: 'withdrawn' },
      headers: { 'if-match': `"${(await reply.json()).ticket.version}"` },
    });
    expect(cancel.status).toBe(200);

    const refused = [
      t.call(`/tickets/${theirs.id}`, { token }),
      t.call(`/tickets/does-not-exist`, { token }),
      t.call(`/tickets/${theirs.id}/stream?access_token=${token}`),
      t.call(`/tickets/${theirs.id}/messages`, {
        token,
        body: { body: 'Let me in.' },
      }),
      t.call(`/tickets/${theirs.id}/commands`, {
        token,
        body: { type: 'cancel', reason: 'spam' },
        headers: { 'if-match': '"1"' },
      }),
    ];
    for (const response of await Promise.all(refused)) {
      expect(await codeOf(response)).toBe('403 FORBIDDEN');
    }
    const stillNew = await t.desk.get(theirs.id);
    expect(stillNew?.version).toBe(1);
  });

  it('may not send agent commands, internal notes or read agent routes', async () => {
    const mine = await t.submit({ requester: { email: 'eve@example.com' } });
    const token = await tokenFor('eve@example.com');
    const triage = await t.call(`/tickets/${mine.id}/commands`, {
      token,
      body: { type: 'triage', impact: 'low', urgency: 'low' },
      headers: { 'if-match': '"1"' },
    });
    expect(await codeOf(triage)).toBe('403 FORBIDDEN');
    const note = await t.call(`/tickets/${mine.id}/messages`, {
      token,
      body: { body: 'x', visibility: 'internal' },
    });
    expect(await codeOf(note)).toBe('403 FORBIDDEN');
    const list = await t.call('/tickets', { token });
    expect(await codeOf(list)).toBe('403 FORBIDDEN');
    expect((await t.desk.get(mine.id))?.version).toBe(1);
  });

  it('are refused with 403 on every agent and supervisor route of the table', async () => {
    const mine = await t.submit({ requester: { email: 'ivy@example.com' } });
    const token = await tokenFor('ivy@example.com');
    // Mail intake is off on this server: 404 before any credential.
    const routes = ROUTES.filter(
      (r) =>
        (r.access === 'agent' || r.access === 'supervisor') &&
        r.path !== '/mail/inbound',
    );
    expect(routes.length).toBeGreaterThan(40);
    // A valid query, so the answer is about the caller alone.
    const query: Record<string, string> = { '/metrics.csv': '?section=sla' };
    const wrong: string[] = [];
    for (const route of routes) {
      const path =
        route.path.replace(/:[A-Za-z]+/g, mine.id) + (query[route.path] ?? '');
      const write = route.method !== 'GET';
      const response = await t.call(path, {
        method: route.method,
        token,
        ...(write && { body: {} }),
      });
      const body = await response.json().catch(() => ({}));
      const got = `${response.status} ${body.error?.message}`;
      if (got !== '403 identity tokens cannot call this route') {
        wrong.push(`${route.method} ${route.path}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await t.desk.get(mine.id))?.version).toBe(1);
  });

  it('are refused with 403 on agent and supervisor routes, reads and writes', async () => {
    const mine = await t.submit({ requester: { email: 'ivy@example.com' } });
    const token = await tokenFor('ivy@example.com');
    const calls: [string, { method?: string; body?: unknown }][] = [
      [`/tickets/${mine.id}/events`, {}],
      [`/tickets/${mine.id}/watchers`, {}],
      ['/tickets', {}],
      ['/agents', {}],
      [`/tickets/${mine.id}/access-token`, { method: 'POST', body: {} }],
      [
        `/tickets/${mine.id}/access-tokens/revoke`,
        { method: 'POST', body: {} },
      ],
      ['/teams', { method: 'POST', body: { name: 'x' } }],
    ];
    for (const [path, init] of calls) {
      const response = await t.call(path, { ...init, token });
      const body = await response.json();
      expect(`${response.status} ${body.error?.code}`, path).toBe(
        '403 FORBIDDEN',
      );
      expect(body.error.message, path).toBe(
        'identity tokens cannot call this route',
      );
    }
    expect((await t.desk.get(mine.id))?.version).toBe(1);
  });

  it('refuse forged, tampered, wrong-secret, expired, foreign-site and malformed tokens', async () => {
    const good = await tokenFor('ada@example.com');
    const [signed, mac] = good.split('.') as [string, string];
    const claims = JSON.parse(
      Buffer.from(signed.slice(4), 'base64url').toString(),
    );
    const tampered = `tki_${Buffer.from(
      JSON.stringify({ ...claims, email: 'kim@example.com' }),
    ).toString('base64url')}.${mac}`;
    const flipped = `${signed}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    const cases: [string, string][] = [
      [tampered, 'IDENTITY_INVALID'],
      [flipped, 'IDENTITY_INVALID'],
      [
        await tokenFor('ada@example.com', {}, 'x'.repeat(40)),
        'IDENTITY_INVALID',
      ],
      [
        await tokenFor('ada@example.com', {
          issuedAt: new Date(Date.now() - 3 * HOUR),
          expiresAt: new Date(Date.now() - 2 * HOUR),
        }),
        'IDENTITY_EXPIRED',
      ],
      [
        await tokenFor('ada@example.com', { site: 'other' }),
        'IDENTITY_INVALID',
      ],
      [
        await tokenFor('ada@example.com', {
          expiresAt: new Date(Date.now() + 48 * HOUR),
        }),
        'IDENTITY_INVALID',
      ],
      [
        await tokenFor('ada@example.com', {
          issuedAt: new Date(Date.now() + HOUR),
          expiresAt: new Date(Date.now() + 2 * HOUR),
        }),
        'IDENTITY_INVALID',
      ],
      ['tki_nodot', 'IDENTITY_MALFORMED'],
      [`tki_${'a'.repeat(3000)}.${mac}`, 'IDENTITY_MALFORMED'],
      [handMade('not json'), 'IDENTITY_MALFORMED'],
      [
        handMade({ site: 'default', sub: 'u', iat: now(), exp: now() + 60 }),
        'IDENTITY_MALFORMED',
      ],
      [
        handMade({
          site: 'default',
          sub: 'u',
          email: 'ada@example.com',
          iat: now(),
          exp: now() + 60,
          role: 'agent',
        }),
        'IDENTITY_MALFORMED',
      ],
    ];
    for (const [token, code] of cases) {
      const response = await myTickets(token);
      expect(await codeOf(response), token.slice(0, 40)).toBe(`401 ${code}`);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('accept a token made by hand to the documented format, and one signed with a rolled secret', async () => {
    const claims = {
      site: 'default',
      sub: '42',
      email: 'raw@example.com',
      iat: now(),
      exp: now() + 600,
    };
    expect((await myTickets(handMade(claims))).status).toBe(200);
    expect((await myTickets(handMade(claims, NEXT_SECRET))).status).toBe(200);
  });

  it('are refused by a server without an identity secret, and /me/tickets needs one', async () => {
    const token = await tokenFor('ada@example.com');
    const response = await plain.call('/me/tickets', { token });
    expect(await codeOf(response)).toBe('401 UNAUTHENTICATED');
    const { token: ticketToken } = await t.submit();
    expect(await codeOf(await myTickets(ticketToken))).toBe('403 FORBIDDEN');
    expect(await codeOf(await myTickets(t.keys.agent))).toBe('403 FORBIDDEN');
    expect((await t.call('/me/tickets')).status).toBe(401);
  });

  it('page the list with limit and cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await t.submit({ requester: { email: 'pat@example.com' } });
    }
    const token = await tokenFor('pat@example.com');
    const first = await (await t.call('/me/tickets?limit=2', { token })).json();
    expect(first.items).toHaveLength(2);
    const cursor = encodeURIComponent(first.nextCursor);
    const second = await (
      await t.call(`/me/tickets?limit=2&cursor=${cursor}`, { token })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const bad = await t.call('/me/tickets?status=new', { token });
    expect(bad.status).toBe(422);
    const twice = await t.call('/me/tickets?limit=1&limit=2', { token });
    expect((await twice.json()).error.issues[0]).toMatchObject({
      path: ['limit'],
      message: 'limit was given more than once; send it once',
    });
  });

  it('need a long secret and a sane lifetime, at once', async () => {
    const desk = t.desk;
    expect(() =>
      createHttpHandler({ desk, identity: { secret: 'short' } }),
    ).toThrow(/at least 32 characters/);
    expect(() =>
      createHttpHandler({
        desk,
        identity: { secret: SECRET, maxLifetimeSeconds: 0 },
      }),
    ).toThrow(/maxLifetimeSeconds/);
    await expect(
      signIdentity(
        { userId: 'u', email: 'ada@example.com', expiresAt: new Date() },
        'short',
      ),
    ).rejects.toThrow(TypeError);
    await expect(tokenFor('not an address')).rejects.toThrow(
      /signIdentity: email/,
    );
  });
});

describe('GET /policy', () => {
  it("answers the desk's closed-reply policy to anyone", async () => {
    const response = await t.call('/policy');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ closedReplyPolicy: 'new_ticket' });
  });
});
