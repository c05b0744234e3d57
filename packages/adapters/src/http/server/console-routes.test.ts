import { lookupTransition } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const typesOf = (body: { commands: { type: string }[] }) =>
  body.commands.map((c) => c.type);

describe('GET /tickets/:id/commands', () => {
  it('lists what the lifecycle table allows the caller in the ticket state', async () => {
    const { id } = await t.submit();
    const response = await t.call(`/tickets/${id}/commands`, {
      token: t.keys.agent,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ticketId: id, state: 'new', role: 'agent' });
    for (const command of body.commands) {
      const reason = command.reasons?.[0];
      expect(lookupTransition('new', command.type, 'agent', reason).ok).toBe(
        true,
      );
    }
    expect(typesOf(body)).toContain('assign');
    expect(typesOf(body)).not.toContain('close');
    expect(typesOf(body)).not.toContain('submit');
  });

  it('follows the ticket through assign and start', async () => {
    const { id } = await t.submit();
    const command = {
      type: 'assign',
      assigneeId: 'ada',
      teamId: 'service-desk',
    };
    const assigned = await t.call(`/tickets/${id}/commands`, {
      token: t.keys.agent,
      body: command,
      headers: { 'if-match': '"1"' },
    });
    expect(assigned.status).toBe(200);
    const body = await (
      await t.call(`/tickets/${id}/commands`, { token: t.keys.agent })
    ).json();
    expect(body.state).toBe('assigned');
    expect(typesOf(body)).toContain('start');
    expect(typesOf(body)).not.toContain('close');
  });

  it('answers pend with the reasons the role may give', async () => {
    const { id } = await t.submit();
    const body = await (
      await t.call(`/tickets/${id}/commands`, { token: t.keys.supervisor })
    ).json();
    expect(body.role).toBe('supervisor');
    const pend = body.commands.find((c: { type: string }) => c.type === 'pend');
    if (pend) expect(pend.reasons).not.toContain('approval');
  });

  it('refuses requester tokens and unknown tickets', async () => {
    const { id, token } = await t.submit();
    const asRequester = await t.call(`/tickets/${id}/commands`, { token });
    expect(asRequester.status).toBe(403);
    const missing = await t.call('/tickets/nope/commands', {
      token: t.keys.agent,
    });
    expect(missing.status).toBe(404);
  });
});

describe('POST /tickets/:id/presence', () => {
  it('shows each agent the others on the same ticket', async () => {
    const { id } = await t.submit();
    const path = `/tickets/${id}/presence`;
    const first = await (
      await t.call(path, { method: 'POST', token: t.keys.agent })
    ).json();
    expect(first.viewers).toEqual([]);

    const second = await (
      await t.call(path, { method: 'POST', token: t.keys.other })
    ).json();
    expect(second.viewers.map((v: { agentId: string }) => v.agentId)).toEqual([
      'ada',
    ]);
    const again = await (
      await t.call(path, { method: 'POST', token: t.keys.agent })
    ).json();
    expect(again.viewers).toMatchObject([{ agentId: 'bob', name: 'Bob' }]);
  });

  it('keeps viewers of one ticket off another', async () => {
    const a = await t.submit();
    const b = await t.submit();
    await t.call(`/tickets/${a.id}/presence`, {
      method: 'POST',
      token: t.keys.other,
    });
    const onB = await (
      await t.call(`/tickets/${b.id}/presence`, {
        method: 'POST',
        token: t.keys.agent,
      })
    ).json();
    expect(onB.viewers).toEqual([]);
  });
});

describe('GET /changes/stream', () => {
  it('sends every change on the desk to an agent', async () => {
    const aborter = new AbortController();
    const response = await fetch(`${t.api}/changes/stream`, {
      headers: { authorization: `Bearer ${t.keys.agent}` },
      signal: aborter.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/event-stream/);
    const reader = response
      .body!.pipeThrough(new TextDecoderStream())
      .getReader();
    const { id } = await t.submit();
    let text = '';
    while (!text.includes(id)) text += (await reader.read()).value ?? '';
    aborter.abort();
    const line = text.split('\n').find((l) => l.includes(id))!;
    expect(JSON.parse(line.slice('data: '.length))).toEqual({
      ticketId: id,
      version: 1,
      type: 'ticket.submitted',
      status: 'new',
    });
  });

  it('refuses requester tokens', async () => {
    const { token } = await t.submit();
    const response = await t.call('/changes/stream', { token });
    expect(response.status).toBe(403);
  });
});
