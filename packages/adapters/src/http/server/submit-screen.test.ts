import {
  createDesk,
  createManualClock,
  createMemoryStore,
  submitResponseSchema,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import type { HumanVerdict } from './submit-screen.js';
import {
  aSubmission,
  seededDesk,
  startServer,
  type TestServer,
} from './test-setup.js';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BOT = 'bot@spam.example';

async function stored(s: TestServer) {
  const tickets = (await s.desk.list()).items;
  const requester = await s.desk.store.findRequesterByEmail(s.desk.siteId, BOT);
  return { tickets: tickets.length, requester };
}

describe('the honeypot', () => {
  it('answers a filled honeypot like a success and stores nothing', async () => {
    server = await startServer();
    const real = await server.call('/tickets', { body: aSubmission() });
    const realBody = await real.json();

    const trapped = await server.call('/tickets', {
      body: aSubmission({
        requester: { email: BOT },
        website: 'https://cheap-pills.example',
      }),
    });
    expect(trapped.status).toBe(201);
    const body = await trapped.json();
    expect(submitResponseSchema.safeParse(body).success).toBe(true);
    expect(Object.keys(body.ticket).sort()).toEqual(
      Object.keys(realBody.ticket).sort(),
    );
    expect(body.accessToken).toMatch(/^tkr_[\w-]{43}$/);
    expect(trapped.headers.get('location')).toBe(
      `/api/v1/tickets/${body.ticket.id}`,
    );
    expect(trapped.headers.get('etag')).toBe('"1"');

    expect(await stored(server)).toEqual({ tickets: 1, requester: null });
    // The decoy's token opens nothing.
    const read = await server.call(`/tickets/${body.ticket.id}`, {
      token: body.accessToken,
    });
    expect(read.status).toBe(401);
  });

  it('answers with the next reference of the desk, and a ticket a real one cannot be told from', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2024-03-04T08:00:00Z');
    const desk = createDesk({ store, clock, refPrefix: 'INC-' });
    server = await startServer({ desk });
    const first = await (
      await server.call('/tickets', { body: aSubmission() })
    ).json();
    const trapped = await server.call('/tickets', {
      body: aSubmission({ website: 'https://cheap-pills.example' }),
    });
    const decoy = await trapped.json();
    const after = await (
      await server.call('/tickets', { body: aSubmission() })
    ).json();
    expect([first, decoy, after].map((b) => b.ticket.ref)).toEqual([
      'INC-1001',
      'INC-1002',
      'INC-1003',
    ]);
    const blind = (t: {
      id: string;
      ref: string;
      messages: { id: string }[];
    }) => ({
      ...t,
      id: null,
      ref: null,
      messages: t.messages.map((m) => ({ ...m, id: null })),
    });
    expect(blind(decoy.ticket)).toEqual(blind(first.ticket));
    expect((await desk.list()).items).toHaveLength(2);
  });

  it('lets an empty honeypot through, and takes its name from the option', async () => {
    server = await startServer({ honeypot: 'homepage' });
    const empty = await server.call('/tickets', {
      body: aSubmission({ homepage: '  ' }),
    });
    expect(empty.status).toBe(201);
    // Under another name, `website` is an unknown field like any other.
    const other = await server.call('/tickets', {
      body: aSubmission({ website: 'x' }),
    });
    expect(other.status).toBe(201);
    const trapped = await server.call('/tickets', {
      body: aSubmission({ requester: { email: BOT }, homepage: 1 }),
    });
    expect(trapped.status).toBe(201);
    expect(await stored(server)).toEqual({ tickets: 2, requester: null });
  });

  it('still answers an invalid trapped submission with 422, as a real one', async () => {
    server = await startServer();
    const response = await server.call('/tickets', {
      body: aSubmission({ subject: '', website: 'x' }),
    });
    expect(response.status).toBe(422);
  });

  it('is off with honeypot: false, and refuses a name the submission uses', async () => {
    server = await startServer({ honeypot: false });
    const response = await server.call('/tickets', {
      body: aSubmission({ website: 'x' }),
    });
    expect(response.status).toBe(201);
    expect((await server.desk.list()).items).toHaveLength(1);
    const { desk } = await seededDesk();
    expect(() => createHttpHandler({ desk, honeypot: 'subject' })).toThrow(
      /honeypot/,
    );
  });
});

describe('the verifyHuman hook', () => {
  /** A stand-in CAPTCHA provider on loopback: it knows the tokens it issued. */
  function fakeProvider() {
    const issued = new Set<string>();
    const calls: { token: string | null; subject: string }[] = [];
    return {
      issue() {
        const token = `human-${issued.size + 1}`;
        issued.add(token);
        return token;
      },
      calls,
      verify: async (request: Request, submission: { subject: string }) => {
        const token = request.headers.get('ticketry-captcha');
        calls.push({ token, subject: submission.subject });
        if (!token) return { ok: false, reason: 'solve the puzzle first' };
        // Each token works once, as a provider's would.
        return issued.delete(token);
      },
    };
  }

  it('stores a submission the provider vouches for, and refuses others with 403 CAPTCHA_FAILED', async () => {
    const provider = fakeProvider();
    server = await startServer({ verifyHuman: provider.verify });
    const token = provider.issue();
    const ok = await server.call('/tickets', {
      body: aSubmission({ subject: 'A person asks' }),
      headers: { 'ticketry-captcha': token },
    });
    expect(ok.status).toBe(201);

    const reused = await server.call('/tickets', {
      body: aSubmission(),
      headers: { 'ticketry-captcha': token },
    });
    expect(reused.status).toBe(403);
    const body = await reused.json();
    expect(body.error.code).toBe('CAPTCHA_FAILED');

    const missing = await server.call('/tickets', { body: aSubmission() });
    expect((await missing.json()).error).toEqual({
      code: 'CAPTCHA_FAILED',
      message: 'solve the puzzle first',
    });
    expect((await server.desk.list()).items).toHaveLength(1);
    expect(provider.calls[0]).toEqual({
      token: 'human-1',
      subject: 'A person asks',
    });
  });

  it('is not asked for agent keys or trapped submissions', async () => {
    const provider = fakeProvider();
    server = await startServer({ verifyHuman: provider.verify });
    const byAgent = await server.call('/tickets', {
      body: aSubmission(),
      token: server.keys.agent,
    });
    expect(byAgent.status).toBe(201);
    const trapped = await server.call('/tickets', {
      body: aSubmission({ website: 'x' }),
    });
    expect(trapped.status).toBe(201);
    expect(provider.calls).toEqual([]);
  });

  it.each<[string, HumanVerdict]>([
    ['false', false],
    ['{ ok: false }', { ok: false }],
  ])('treats %s as a refusal with a plain message', async (_, verdict) => {
    server = await startServer({ verifyHuman: () => verdict });
    const response = await server.call('/tickets', { body: aSubmission() });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toMatch(/person/);
  });

  it('lets a browser send the token header', async () => {
    server = await startServer({
      allowedOrigins: ['https://help.example.com'],
    });
    const preflight = await server.call('/tickets', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://help.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, ticketry-captcha',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toContain(
      'ticketry-captcha',
    );
  });
});
