import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const triage = {
  type: 'triage',
  impact: 'medium',
  urgency: 'high',
  teamId: 'service-desk',
};

/** Sends a command with an agent key (or `token`) and If-Match. */
function command(
  id: string,
  body: unknown,
  version: number | null,
  token = t.keys.agent,
) {
  const headers: Record<string, string> =
    version === null ? {} : { 'if-match': `"${version}"` };
  return t.call(`/tickets/${id}/commands`, { body, token, headers });
}

/** A ticket taken through to resolved by Ada. */
async function resolvedTicket() {
  const ticket = await t.submit();
  const steps = [
    triage,
    { type: 'assign', assigneeId: 'ada' },
    { type: 'start' },
    { type: 'resolve', code: 'fixed', note: 'Replaced the roller.' },
  ];
  let version = ticket.version;
  for (const step of steps) {
    const response = await command(ticket.id, step, version);
    expect(response.status).toBe(200);
    version = (await response.json()).ticket.version;
  }
  return { ...ticket, version };
}

describe('POST /tickets/:id/commands', () => {
  it('runs a command at the version in If-Match and answers with the ticket, event and ETag', async () => {
    const { id } = await t.submit();
    const response = await command(id, triage, 1);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const body = await response.json();
    expect(body.ticket).toMatchObject({
      status: 'open',
      version: 2,
      priority: 'high',
    });
    expect(body.event.type).toBe('ticket.triaged');
  });

  it('answers a missing If-Match with 428 VERSION_REQUIRED and writes nothing', async () => {
    const { id } = await t.submit();
    const response = await command(id, triage, null);
    expect(response.status).toBe(428);
    expect((await response.json()).error.code).toBe('VERSION_REQUIRED');
    expect((await t.desk.get(id))?.version).toBe(1);
  });

  it('answers a stale If-Match with 412, the current ETag, and leaves the ticket unchanged', async () => {
    const { id } = await t.submit();
    expect((await command(id, triage, 1)).status).toBe(200);
    const before = await t.desk.get(id);
    const events = (await t.desk.events(id)).length;

    const response = await command(
      id,
      { type: 'assign', assigneeId: 'ada' },
      1,
    );
    expect(response.status).toBe(412);
    expect((await response.json()).error.code).toBe('VERSION_CONFLICT');
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await t.desk.get(id)).toEqual(before);
    expect((await t.desk.events(id)).length).toBe(events);
  });

  it('answers an If-Match that is not a version with 400', async () => {
    const { id } = await t.submit();
    const response = await t.call(`/tickets/${id}/commands`, {
      body: triage,
      token: t.keys.agent,
      headers: { 'if-match': 'W/"1"' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('MALFORMED_REQUEST');
  });

  it('answers a command the status does not allow with 409 TRANSITION_NOT_ALLOWED', async () => {
    const { id } = await t.submit();
    const response = await command(id, { type: 'start' }, 1);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('answers a command the role may not send with 403 FORBIDDEN', async () => {
    const ticket = await resolvedTicket();
    // Only the requester or a supervisor accepts a resolution.
    const response = await command(
      ticket.id,
      { type: 'accept' },
      ticket.version,
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
    expect((await t.desk.get(ticket.id))?.status).toBe('resolved');
  });

  it('refuses agent commands sent with a requester token with 403', async () => {
    const { id, token } = await t.submit();
    const response = await command(id, triage, 1, token);
    expect(response.status).toBe(403);
    expect((await t.desk.get(id))?.status).toBe('new');
  });

  it('takes the actor from the API key even when the body claims another', async () => {
    const { id } = await t.submit();
    const response = await command(
      id,
      { ...triage, actor: { role: 'supervisor', id: 'sam' }, actorId: 'sam' },
      1,
    );
    expect(response.status).toBe(200);
    const events = await t.desk.events(id);
    expect(events.at(-1)?.actor).toEqual({ role: 'agent', id: 'ada' });
  });

  it('lets the requester accept a resolution with their token and answers the public view', async () => {
    const ticket = await resolvedTicket();
    const response = await command(
      ticket.id,
      { type: 'accept', actor: { role: 'supervisor', id: 'sam' } },
      ticket.version,
      ticket.token,
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ticket.status).toBe('closed');
    expect(body.ticket).not.toHaveProperty('assigneeId');
    expect(body).not.toHaveProperty('event');
    const events = await t.desk.events(ticket.id);
    expect(events.at(-1)?.actor.role).toBe('requester');
  });

  it('answers an invalid command with 422 naming the field', async () => {
    const { id } = await t.submit();
    const response = await command(id, { ...triage, impact: 'huge' }, 1);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.issues[0].path).toEqual(['impact']);
  });

  it('answers a command on an unknown ticket with 404', async () => {
    const response = await command('no-such-ticket', triage, 1);
    expect(response.status).toBe(404);
  });
});

describe('POST /tickets/:id/messages', () => {
  it('adds the requester reply to the public conversation', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}/messages`, {
      body: { body: 'It also jams on tray 1.' },
      token,
    });
    expect(response.status).toBe(201);
    const { ticket } = await response.json();
    expect(ticket.messages.at(-1)).toMatchObject({
      author: 'requester',
      body: 'It also jams on tray 1.',
    });
  });

  it('keeps an internal note out of the requester view', async () => {
    const { id, token } = await t.submit();
    const note = await t.call(`/tickets/${id}/messages`, {
      body: { body: 'Vendor ticket 4711.', visibility: 'internal' },
      token: t.keys.agent,
    });
    expect(note.status).toBe(201);
    expect((await note.json()).event.type).toBe('ticket.noted');

    const view = await (await t.call(`/tickets/${id}`, { token })).json();
    expect(JSON.stringify(view)).not.toContain('Vendor ticket 4711');
  });

  it('refuses an internal note from a requester with 403', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}/messages`, {
      body: { body: 'psst', visibility: 'internal' },
      token,
    });
    expect(response.status).toBe(403);
  });

  it('answers an empty message with 422 naming body', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}/messages`, {
      body: { body: '' },
      token,
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues[0].path).toEqual(['body']);
  });

  it('answers a stale If-Match on a message with 412', async () => {
    const { id, token } = await t.submit();
    const response = await t.call(`/tickets/${id}/messages`, {
      body: { body: 'Any news?' },
      token,
      headers: { 'if-match': '"7"' },
    });
    expect(response.status).toBe(412);
  });

  it('gives a requester replying to a closed ticket the follow-up ticket and its token', async () => {
    const ticket = await resolvedTicket();
    await command(ticket.id, { type: 'accept' }, ticket.version, ticket.token);
    const response = await t.call(`/tickets/${ticket.id}/messages`, {
      body: { body: 'It is back.' },
      token: ticket.token,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.ticket.id).not.toBe(ticket.id);
    const read = await t.call(`/tickets/${body.ticket.id}`, {
      token: body.accessToken,
    });
    expect(read.status).toBe(200);
  });
});
