import {
  ConflictError,
  LIMITS,
  TicketryError,
  ValidationError,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aSubmission,
  startServer,
  type TestServer,
} from '../server/test-setup.js';
import { HttpDeskError } from './errors.js';
import { createHttpDesk } from './http-desk.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const countTickets = async () =>
  (await t.desk.list({ limit: 100 })).items.length;

/** A fetch that records idempotency keys and can fail on cue. */
function flakyFetch(plan: ('lose' | '503' | 'pass')[]) {
  const keys: (string | null)[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    keys.push(new Headers(init?.headers).get('idempotency-key'));
    const step = plan.shift() ?? 'pass';
    if (step === '503') return new Response('busy', { status: 503 });
    const response = await fetch(input, init);
    if (step === 'lose') {
      await response.body?.cancel();
      throw new TypeError('fetch failed: the answer was lost');
    }
    return response;
  };
  return { fetcher, keys };
}

describe('createHttpDesk: submitting', () => {
  it('submits and returns the public ticket and its token', async () => {
    const desk = createHttpDesk({ baseUrl: t.api });
    const result = await desk.submit(aSubmission());
    expect(result.replayed).toBe(false);
    expect(result.ticket.status).toBe('new');
    expect(result.accessToken).toMatch(/^tkr_/);
  });

  it('retries a submission whose answer was lost with the same key, opening one ticket', async () => {
    const before = await countTickets();
    const { fetcher, keys } = flakyFetch(['lose', 'pass']);
    const desk = createHttpDesk({
      baseUrl: t.api,
      fetch: fetcher,
      retryDelayMs: 1,
    });
    const result = await desk.submit(aSubmission());
    expect(result.replayed).toBe(true);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(await countTickets()).toBe(before + 1);
  });

  it('retries after a 503 and gives up after the configured retries', async () => {
    const ok = flakyFetch(['503', 'pass']);
    const desk = createHttpDesk({
      baseUrl: t.api,
      fetch: ok.fetcher,
      retryDelayMs: 1,
    });
    expect((await desk.submit(aSubmission())).ticket.id).toBeTruthy();

    const down = flakyFetch(['503', '503', '503', '503']);
    const failing = createHttpDesk({
      baseUrl: t.api,
      fetch: down.fetcher,
      retries: 2,
      retryDelayMs: 1,
    });
    const error = await failing.submit(aSubmission()).catch((e) => e);
    expect(error).toBeInstanceOf(HttpDeskError);
    expect(error.status).toBe(503);
    expect(down.keys).toHaveLength(3);
  });

  it('does not retry a 4xx and throws a ValidationError naming the field', async () => {
    const { fetcher, keys } = flakyFetch([]);
    const desk = createHttpDesk({ baseUrl: t.api, fetch: fetcher });
    const error = await desk
      .submit(aSubmission({ description: 'x'.repeat(LIMITS.body + 1) }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(422);
    expect(error.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['description'],
    ]);
    expect(keys).toHaveLength(1);
  });
});

describe('createHttpDesk: agents', () => {
  it('reads the full ticket, runs commands and writes notes', async () => {
    const { id } = await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    const ticket = await desk.get(id);
    expect(ticket.requesterId).toEqual(expect.any(String));

    const triaged = await desk.execute(
      id,
      {
        type: 'triage',
        impact: 'high',
        urgency: 'high',
        teamId: 'service-desk',
      },
      { expectedVersion: ticket.version },
    );
    expect(triaged.ticket).toMatchObject({
      status: 'open',
      priority: 'critical',
    });
    expect(triaged.event.actor).toEqual({ role: 'agent', id: 'ada' });

    const noted = await desk.note(id, 'Checked the logs.');
    expect(noted.event.type).toBe('ticket.noted');
    const events = await desk.events(id);
    expect(events.map((e) => e.type)).toEqual([
      'ticket.submitted',
      'ticket.triaged',
      'ticket.noted',
    ]);
  });

  it('throws a ConflictError with both versions for a stale version', async () => {
    const { id } = await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    await desk.note(id, 'first');
    const error = await desk
      .execute(id, { type: 'start' }, { expectedVersion: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.status).toBe(412);
    expect(error.details).toEqual({ ticketId: id, expected: 1, actual: 2 });
  });

  it('throws the server code and status for refused commands', async () => {
    const { id } = await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    const error = await desk
      .execute(id, { type: 'start' }, { expectedVersion: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TicketryError);
    expect(error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
    });
  });

  it('lists tickets with filters and pages', async () => {
    await t.submit();
    await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    const page = await desk.list({
      status: ['new'],
      limit: 1,
      sort: 'createdAt',
    });
    expect(page.items).toHaveLength(1);
    const next = await desk.list({
      status: ['new'],
      limit: 1,
      sort: 'createdAt',
      cursor: page.nextCursor,
    });
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
  });

  it('lets a supervisor manage teams and agents', async () => {
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.supervisor });
    const team = await desk.createTeam({ name: 'Client devices' });
    const { agent, apiKey } = await desk.createAgent({
      name: 'Noor',
      role: 'agent',
      teamIds: [team.id],
    });
    expect((await desk.listTeams()).map((x) => x.id)).toContain(team.id);
    expect((await desk.listAgents()).map((x) => x.id)).toContain(agent.id);
    const noor = createHttpDesk({ baseUrl: t.api, apiKey });
    expect((await noor.list()).items.length).toBeGreaterThan(0);
  });

  it('reads who filed a ticket', async () => {
    const { id } = await t.submit({ requester: { email: 'josé@exemple.fr' } });
    const desk = createHttpDesk({ baseUrl: t.api, apiKey: t.keys.agent });
    const ticket = await desk.get(id);
    const requester = await desk.getRequester(ticket.requesterId);
    expect(requester).toMatchObject({ email: 'josé@exemple.fr' });
    await expect(desk.getRequester('nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
  });
});

describe('createHttpDesk: requesters', () => {
  it('reads the public view, replies and accepts with the access token', async () => {
    const { id, token } = await t.submit();
    const desk = createHttpDesk({ baseUrl: t.api, accessToken: token });
    const view = await desk.get(id);
    expect(view).not.toHaveProperty('requesterId');
    const replied = await desk.reply(id, 'Also tray 3.');
    expect(replied.ticket.messages.at(-1)?.body).toBe('Also tray 3.');

    const error = await desk.events(id).catch((e) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(desk.streamUrl(id)).toBe(
      `${t.api}/tickets/${id}/stream?access_token=${encodeURIComponent(token)}`,
    );
  });

  it('throws UNAUTHENTICATED without a credential', async () => {
    const { id } = await t.submit();
    const error = await createHttpDesk({ baseUrl: t.api })
      .get(id)
      .catch((e) => e);
    expect(error).toBeInstanceOf(TicketryError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('createHttpDesk: answers it cannot read', () => {
  it('throws HttpDeskError BAD_RESPONSE with the status for a non-API answer', async () => {
    const desk = createHttpDesk({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      apiKey: 'tka_x',
      fetch: async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
    });
    const error = await desk.get('x').catch((e) => e);
    expect(error).toBeInstanceOf(HttpDeskError);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502 });
  });

  it('keeps codes the core does not know, such as METHOD_NOT_ALLOWED', async () => {
    const desk = createHttpDesk({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      fetch: async () =>
        Response.json(
          { error: { code: 'METHOD_NOT_ALLOWED', message: 'no' } },
          { status: 405 },
        ),
    });
    const error = await desk.get('x').catch((e) => e);
    expect(error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
  });

  it('refuses a public ticket that does not match the schema', async () => {
    const desk = createHttpDesk({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      accessToken: 'tkr_x',
      fetch: async () => Response.json({ id: 1 }),
    });
    const error = await desk.get('x').catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
