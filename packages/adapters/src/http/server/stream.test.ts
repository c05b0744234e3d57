import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
let listeners = 0;
beforeAll(async () => {
  t = await startServer();
  // Count live desk listeners to prove the stream lets go of its own.
  const subscribe = t.desk.subscribe;
  t.desk.subscribe = (listener) => {
    listeners++;
    const off = subscribe(listener);
    return () => {
      listeners--;
      return off();
    };
  };
});
afterAll(() => t.close());

interface SseEvent {
  event: string;
  data: string;
}

/** Reads a fetch body as server-sent events and comment lines. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const comments: string[] = [];
  return {
    comments,
    async next(): Promise<SseEvent> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          comments.push(...lines.filter((l) => l.startsWith(':')));
          const field = (name: string) =>
            lines
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const event = field('event');
          if (event) return { event, data: field('data') ?? '' };
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('GET /tickets/:id/stream', () => {
  it('sends the ticket on connect and again after a status change', async () => {
    const { id, token } = await t.submit();
    const controller = new AbortController();
    const response = await fetch(
      `${t.api}/tickets/${id}/stream?access_token=${token}`,
      { signal: controller.signal },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseReader(response.body!);

    const first = await events.next();
    expect(first.event).toBe('ticket');
    expect(JSON.parse(first.data)).toMatchObject({
      id,
      status: 'new',
      version: 1,
    });

    await t.desk.execute(
      id,
      { type: 'triage', impact: 'low', urgency: 'low', teamId: 'service-desk' },
      { actor: { role: 'agent', id: 'ada' }, expectedVersion: 1 },
    );
    const second = JSON.parse((await events.next()).data);
    expect(second).toMatchObject({ id, status: 'open', version: 2 });
    expect(second).not.toHaveProperty('assigneeId');
    controller.abort();
  });

  it('sends heartbeat comments while nothing changes', async () => {
    const { id, token } = await t.submit();
    const controller = new AbortController();
    const response = await fetch(
      `${t.api}/tickets/${id}/stream?access_token=${token}`,
      { signal: controller.signal },
    );
    const events = sseReader(response.body!);
    await events.next();
    const other = await t.submit();
    await t.desk.execute(
      other.id,
      { type: 'cancel', reason: 'withdrawn' },
      { actor: { role: 'agent', id: 'ada' } },
    );
    // Changes to another ticket are not sent; the next event must be ours.
    const pending = events.next();
    await new Promise((r) => setTimeout(r, 150));
    await t.desk.execute(
      id,
      { type: 'cancel', reason: 'withdrawn' },
      { actor: { role: 'agent', id: 'ada' } },
    );
    const next = JSON.parse((await pending).data);
    expect(next).toMatchObject({ id, status: 'cancelled' });
    expect(events.comments).toContain(': heartbeat');
    controller.abort();
  });

  it('removes its desk listener when the client leaves', async () => {
    const { id, token } = await t.submit();
    await until(() => listeners === 0);
    const controller = new AbortController();
    const response = await fetch(
      `${t.api}/tickets/${id}/stream?access_token=${token}`,
      { signal: controller.signal },
    );
    await sseReader(response.body!).next();
    expect(listeners).toBe(1);
    controller.abort();
    await until(() => listeners === 0);
  });

  it('takes an agent key only in the header, never in the query', async () => {
    const { id } = await t.submit();
    const query = await t.call(
      `/tickets/${id}/stream?access_token=${t.keys.agent}`,
    );
    expect(query.status).toBe(401);
    for (const bogus of [t.keys.agent, 'bogus']) {
      const response = await t.call(
        `/tickets/${id}/stream?access_token=${bogus}`,
      );
      expect((await response.json()).error.message).toBe(
        'access_token takes only a requester (tkr_…) or identity (tki_…) token; send any other credential in the Authorization header, never in the URL',
      );
    }
    const controller = new AbortController();
    const header = await fetch(`${t.api}/tickets/${id}/stream`, {
      headers: { authorization: `Bearer ${t.keys.agent}` },
      signal: controller.signal,
    });
    expect(header.status).toBe(200);
    controller.abort();
  });

  it('answers a stream without a token with 401 and an unknown ticket with 404', async () => {
    const { id } = await t.submit();
    expect((await t.call(`/tickets/${id}/stream`)).status).toBe(401);
    const missing = await t.call('/tickets/nope/stream', {
      token: t.keys.agent,
    });
    expect(missing.status).toBe(404);
  });
});
