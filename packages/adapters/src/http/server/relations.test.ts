import { createRelations, type Relations } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** A seeded desk with relations, served on 127.0.0.1. */
async function relationsApi(off = false) {
  const { desk, keys } = await seededDesk();
  const relations: Relations | undefined = off
    ? undefined
    : createRelations(desk, { rollUp: 'block' });
  const handler = createHttpHandler({
    desk,
    services: relations ? { relations } : {},
  });
  const server = await serveNode(handler);
  closers.push(() => server.close());
  const call = (
    path: string,
    token: string,
    init: { method?: string; body?: unknown; headers?: object } = {},
  ) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${token}`,
        ...init.headers,
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  const submit = async (subject: string) => {
    const response = await fetch(`${server.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        aSubmission({ subject, description: `${subject}.` }),
      ),
    });
    const body = await response.json();
    return { id: body.ticket.id as string, token: body.accessToken as string };
  };
  return { desk, keys, relations: relations!, call, submit };
}

describe('relations over HTTP', () => {
  it('links both tickets, answers 200 for a repeat and 409 for a loop, and unlinks', async () => {
    const { desk, keys, call, submit } = await relationsApi();
    const child = await submit('Laptop for Lin');
    const parent = await submit('Onboarding Lin');
    const link = { type: 'child_of', ticketId: parent.id };
    const first = await call(`/tickets/${child.id}/links`, keys.agent, {
      body: link,
    });
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body.changed).toBe(true);
    expect(body.other.links).toEqual([
      { type: 'parent_of', ticketId: child.id },
    ]);
    const again = await call(`/tickets/${child.id}/links`, keys.agent, {
      body: link,
    });
    expect(again.status).toBe(200);
    const loop = await call(`/tickets/${parent.id}/links`, keys.agent, {
      body: { type: 'child_of', ticketId: child.id },
    });
    expect(loop.status).toBe(409);
    expect((await loop.json()).error.code).toBe('LINK_CYCLE');
    const blocked = await call(`/tickets/${parent.id}/commands`, keys.agent, {
      body: { type: 'resolve', code: 'fixed', note: 'Done.' },
      headers: { 'if-match': '"2"' },
    });
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.code).toBe('CHILDREN_OPEN');
    const gone = await call(
      `/tickets/${child.id}/links?type=child_of&ticketId=${parent.id}`,
      keys.agent,
      { method: 'DELETE' },
    );
    expect(gone.status).toBe(200);
    expect((await desk.get(parent.id))?.links).toEqual([]);
  });

  it('refuses requesters, and answers 404 where relations are off', async () => {
    const { call, submit } = await relationsApi();
    const a = await submit('A');
    const b = await submit('B');
    const asRequester = await call(`/tickets/${a.id}/links`, a.token, {
      body: { type: 'related', ticketId: b.id },
    });
    expect(asRequester.status).toBe(403);
    const off = await relationsApi(true);
    const c = await off.submit('C');
    const response = await off.call(
      `/tickets/${c.id}/duplicates`,
      off.keys.agent,
    );
    expect(response.status).toBe(404);
  });

  it('splits a message into a new ticket of the same requester', async () => {
    const { desk, keys, call, submit } = await relationsApi();
    const source = await submit('Printer jams');
    const reply = await call(`/tickets/${source.id}/messages`, source.token, {
      body: { body: 'And the scanner is dead!' },
    });
    expect(reply.status).toBe(201);
    const events = await desk.events(source.id);
    const messageId = (events.at(-1)!.data as { messageId: string }).messageId;
    const response = await call(`/tickets/${source.id}/split`, keys.agent, {
      body: { messageId, subject: 'Scanner is dead' },
    });
    expect(response.status).toBe(201);
    const { ticket, created } = await response.json();
    expect(created).toMatchObject({
      subject: 'Scanner is dead',
      description: 'And the scanner is dead!',
      requesterId: ticket.requesterId,
      links: [{ type: 'split_from', ticketId: source.id }],
    });
  });

  it('shows the requester one thread after a merge command, and lists look-alikes', async () => {
    const { keys, call, submit, relations } = await relationsApi();
    const target = await submit('Wifi drops in room 4');
    const merged = await submit('Wifi drops in room 4 again');
    const alike = await call(`/tickets/${merged.id}/duplicates`, keys.agent);
    const { suggestions, offered } = await alike.json();
    expect(suggestions.map((s: { ticketId: string }) => s.ticketId)).toEqual([
      target.id,
    ]);
    expect(offered.suggestions).toHaveLength(1);
    const merge = await call(`/tickets/${merged.id}/commands`, keys.agent, {
      body: { type: 'merge', intoId: target.id },
      headers: { 'if-match': '"1"' },
    });
    expect(merge.status).toBe(200);
    await relations.idle();
    const view = await call(`/tickets/${target.id}`, target.token);
    const thread = (await view.json()).messages.map(
      (m: { body: string }) => m.body,
    );
    expect(thread).toEqual([
      'Wifi drops in room 4.',
      'Wifi drops in room 4 again.',
    ]);
    const mine = await call(`/tickets/${merged.id}`, merged.token);
    expect((await mine.json()).status).toBe('merged');
  });
});
