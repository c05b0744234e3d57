import type { createMemoryStore } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const storedEvents = (id: string) =>
  (t.desk.store as ReturnType<typeof createMemoryStore>).data.byTicket.get(
    `default\u0000${id}`,
  )!;

describe('GET /tickets/:id/audit/verify', () => {
  it('reports an untouched history to an agent', async () => {
    const { id } = await t.submit();
    const response = await t.call(`/tickets/${id}/audit/verify`, {
      token: t.keys.agent,
    });
    expect(response.status).toBe(200);
    const report = await response.json();
    const ticket = await t.desk.get(id);
    expect(report).toMatchObject({
      ok: true,
      ticketId: id,
      tickets: 1,
      events: 1,
      firstBroken: null,
      heads: [{ ticketId: id, version: 1, hash: ticket!.auditHash }],
    });
  });

  it('reports a tampered event as ok false, naming the version', async () => {
    const { id } = await t.submit();
    storedEvents(id)[0]!.changes.description = 'Something else entirely.';
    const response = await t.call(`/tickets/${id}/audit/verify`, {
      token: t.keys.supervisor,
    });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      ticketId: id,
      version: 1,
      reason: 'hash_mismatch',
    });
  });

  it('refuses requesters and anonymous callers; 404 for no ticket', async () => {
    const { id, token } = await t.submit();
    const path = `/tickets/${id}/audit/verify`;
    expect((await t.call(path, { token })).status).toBe(403);
    expect((await t.call(path)).status).toBe(401);
    const missing = await t.call('/tickets/nope/audit/verify', {
      token: t.keys.agent,
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('requester export and erasure', () => {
  async function requesterWithTicket(email: string) {
    const { id, token } = await t.submit({
      requester: { email, name: 'Hedy Lamarr' },
    });
    const ticket = await t.desk.get(id);
    return { id, token, requesterId: ticket!.requesterId };
  }

  it('exports a requester to a supervisor: record, tickets, public messages', async () => {
    const { id, requesterId } = await requesterWithTicket('hedy@example.com');
    await t.desk.note(
      id,
      { body: 'internal only' },
      {
        actor: { role: 'agent', id: 'ada' },
      },
    );
    const response = await t.call(`/requesters/${requesterId}/export`, {
      token: t.keys.supervisor,
    });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.requester).toMatchObject({
      id: requesterId,
      email: 'hedy@example.com',
      name: 'Hedy Lamarr',
    });
    expect(data.tickets.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(data.tickets[0].messages).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('internal only');
  });

  it('erases a requester for a supervisor; the chain still verifies', async () => {
    const { id, requesterId } = await requesterWithTicket('lise@example.com');
    const response = await t.call(`/requesters/${requesterId}/erase`, {
      method: 'POST',
      token: t.keys.supervisor,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      requesterId,
      changed: true,
      tickets: 1,
    });
    const record = await t.call(`/requesters/${requesterId}`, {
      token: t.keys.agent,
    });
    const body = await record.json();
    expect(body).toMatchObject({ name: null });
    expect(body.email).not.toContain('lise');
    const verify = await t.call(`/tickets/${id}/audit/verify`, {
      token: t.keys.agent,
    });
    expect((await verify.json()).ok).toBe(true);
  });

  it('is for supervisors only, and 404 for no requester', async () => {
    const { requesterId, token } = await requesterWithTicket('max@example.com');
    for (const [path, method] of [
      [`/requesters/${requesterId}/export`, 'GET'],
      [`/requesters/${requesterId}/erase`, 'POST'],
    ] as const) {
      expect((await t.call(path, { method, token: t.keys.agent })).status).toBe(
        403,
      );
      expect((await t.call(path, { method, token })).status).toBe(403);
      expect((await t.call(path, { method })).status).toBe(401);
    }
    const stored = await t.desk.store.getRequester('default', requesterId);
    expect(stored?.email).toBe('max@example.com');
    const missing = await t.call('/requesters/nobody/erase', {
      method: 'POST',
      token: t.keys.supervisor,
    });
    expect(missing.status).toBe(404);
  });
});
