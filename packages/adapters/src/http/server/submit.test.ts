import { LIMITS, publicTicketSchema } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSubmission, startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const paths = (body: { error: { issues?: { path: unknown[] }[] } }) =>
  body.error.issues?.map((issue) => issue.path.join('.')) ?? [];

describe('POST /tickets', () => {
  it('opens a ticket with 201, the public view, a token, Location and ETag', async () => {
    const response = await t.call('/tickets', { body: aSubmission() });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(publicTicketSchema.safeParse(body.ticket).success).toBe(true);
    expect(body.ticket).not.toHaveProperty('requesterId');
    expect(body.accessToken).toMatch(/^tkr_/);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(
      `/api/v1/tickets/${body.ticket.id}`,
    );
    const stored = await t.desk.get(body.ticket.id);
    expect(stored?.channel).toBe('web');
  });

  it('answers a retry with the same key with the same ticket, 200, Idempotent-Replayed and a fresh token', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const before = (await t.desk.list({ limit: 100 })).items.length;
    const first = await t.call('/tickets', { body: aSubmission(), headers });
    const second = await t.call('/tickets', { body: aSubmission(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const a = await first.json();
    const b = await second.json();
    expect(b.ticket.id).toBe(a.ticket.id);
    expect(b.accessToken).not.toBe(a.accessToken);
    expect((await t.desk.list({ limit: 100 })).items.length).toBe(before + 1);
    for (const token of [a.accessToken, b.accessToken]) {
      const read = await t.call(`/tickets/${a.ticket.id}`, { token });
      expect(read.status).toBe(200);
    }
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const headers = { 'idempotency-key': 'reused-key-0001' };
    await t.call('/tickets', { body: aSubmission(), headers });
    const response = await t.call('/tickets', {
      body: aSubmission({ subject: 'Another problem' }),
      headers,
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses an Idempotency-Key that is too short with 422 naming the header', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission(),
      headers: { 'idempotency-key': 'short' },
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(paths(body)).toEqual(['headers.idempotency-key']);
  });

  it('answers an empty subject with 422 naming subject', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission({ subject: '   ' }),
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(paths(body)).toEqual(['subject']);
  });

  it('answers a description over LIMITS.body with 422 naming description', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission({ description: 'x'.repeat(LIMITS.body + 1) }),
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(paths(body)).toEqual(['description']);
    expect(body.error.issues[0].message).toMatch(/description/);
  });

  it('names nested fields, such as requester.email', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission({ requester: { email: 'not-an-address' } }),
    });
    expect(paths(await response.json())).toEqual(['requester.email']);
  });

  it('refuses a body over the cap announced by Content-Length with 413', async () => {
    const huge = 'x'.repeat(LIMITS.requestBytes);
    const response = await t.call('/tickets', {
      body: aSubmission({ description: huge }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts a streamed body without Content-Length and refuses it at the cap with 413', async () => {
    const before = (await t.desk.list({ limit: 100 })).items.length;
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${t.api}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.desk.list({ limit: 100 })).items.length).toBe(before);
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const response = await t.call('/tickets', { body: '{"subject": "x",' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: 'MALFORMED_REQUEST', message: expect.any(String) },
    });
  });

  it('answers a body that is not sent as JSON with 400', async () => {
    const response = await t.call('/tickets', {
      body: JSON.stringify(aSubmission()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('MALFORMED_REQUEST');
  });

  it('answers JSON that is not an object with 422, not 500', async () => {
    for (const body of ['null', '42', '[]', '"text"']) {
      const response = await t.call('/tickets', { body });
      expect(response.status).toBe(422);
    }
  });

  it('records a submission sent with an agent key as the agent, on the api channel', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission(),
      token: t.keys.agent,
    });
    expect(response.status).toBe(201);
    const { ticket } = await response.json();
    const [event] = await t.desk.events(ticket.id);
    expect(event?.actor).toEqual({ role: 'agent', id: 'ada' });
    expect((await t.desk.get(ticket.id))?.channel).toBe('api');
  });

  it('refuses an unknown credential on a submission with 401', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission(),
      token: 'tka_not-a-key',
    });
    expect(response.status).toBe(401);
  });
});
