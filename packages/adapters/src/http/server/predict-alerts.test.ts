import type { Predictions, SurgeAlert } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/**
 * A desk served on 127.0.0.1 whose predictions raised one alert over
 * ten Storage tickets (the detector itself is tested in core).
 */
async function alertApi() {
  const { desk, keys } = await seededDesk();
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { ticket } = await desk.submit(aSubmission({ category: 'Storage' }));
    ids.push(ticket.id);
  }
  const alert: SurgeAlert = {
    id: 'surge-category-1464775200000-0',
    by: 'category',
    key: 'Storage',
    at: Date.UTC(2016, 5, 1, 10),
    since: Date.UTC(2016, 5, 1, 8),
    observed: 10,
    expected: 1.2,
    ticketIds: ids,
  };
  const predictions = { alerts: () => [alert] } as unknown as Predictions;
  const handler = createHttpHandler({ desk, services: { predictions } });
  const server = await serveNode(handler);
  closers.push(() => server.close());
  const call = (path: string, method = 'GET') =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${keys.agent}` },
    });
  const parents = async () =>
    (await desk.list({ limit: 200 })).items.filter((t) =>
      t.tags.includes('possible-incident'),
    );
  return { alert, ids, call, desk, parents };
}

describe('possible-incident alerts over HTTP', () => {
  it('list open alerts with their instants as ISO 8601 strings', async () => {
    const { alert, call } = await alertApi();
    const body = await (await call('/alerts')).json();
    expect(body.alerts).toEqual([
      {
        ...alert,
        at: '2016-06-01T10:00:00.000Z',
        since: '2016-06-01T08:00:00.000Z',
      },
    ]);
  });

  it('accept an alert once: a repeat writes nothing and answers the same parent', async () => {
    const { alert, ids, call, desk, parents } = await alertApi();
    const first = await call(`/alerts/${alert.id}/parent`, 'POST');
    expect(first.status).toBe(201);
    const made = await first.json();
    expect(made.children).toEqual(ids);
    const feedBefore = (await desk.core.store.readFeed(0, 10_000)).events
      .length;
    const again = await call(`/alerts/${alert.id}/parent`, 'POST');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(made);
    expect((await desk.core.store.readFeed(0, 10_000)).events).toHaveLength(
      feedBefore,
    );
    expect((await parents()).map((t) => t.id)).toEqual([made.parentId]);
    for (const id of ids) {
      expect((await desk.get(id))!.links).toContainEqual({
        type: 'child_of',
        ticketId: made.parentId,
      });
    }
    // Accepted, it leaves the open list.
    expect((await (await call('/alerts')).json()).alerts).toEqual([]);
  });

  it('open one parent when two calls accept the same alert at once', async () => {
    const { alert, call, parents } = await alertApi();
    const answers = await Promise.all([
      call(`/alerts/${alert.id}/parent`, 'POST'),
      call(`/alerts/${alert.id}/parent`, 'POST'),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(answers.map((r) => r.json()));
    expect(a.parentId).toBe(b.parentId);
    expect(await parents()).toHaveLength(1);
  });

  it('describe both answers of accepting in OpenAPI', async () => {
    const { call } = await alertApi();
    const doc = await (await call('/openapi.json')).json();
    const post = doc.paths['/alerts/{id}/parent'].post.responses;
    expect(Object.keys(post)).toEqual(expect.arrayContaining(['200', '201']));
    const list = doc.paths['/alerts'].get.responses['200'];
    const item =
      list.content['application/json'].schema.properties.alerts.items;
    expect(item.properties.at.type).toBe('string');
  });
});
