import { createAutomation } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let base = '';
let close: () => Promise<void>;
let keys: Awaited<ReturnType<typeof seededDesk>>['keys'];
let automation: ReturnType<typeof createAutomation>;

beforeAll(async () => {
  const seeded = await seededDesk();
  keys = seeded.keys;
  automation = createAutomation(seeded.desk, {
    macros: [
      {
        id: 'take-it',
        name: 'Take it',
        actions: [
          { type: 'set', impact: 'low', urgency: 'low', addTags: ['taken'] },
          { type: 'note', template: 'Taking {{ticket.ref}}' },
        ],
      },
    ],
  });
  const handler = createHttpHandler({
    desk: seeded.desk,
    services: { automation },
  });
  const server = await serveNode(handler);
  base = `${server.url}/api/v1`;
  close = () => server.close();
});
afterAll(() => close());

const call = (
  path: string,
  init: {
    method?: string;
    token?: string;
    body?: unknown;
    ifMatch?: string;
  } = {},
) =>
  fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.ifMatch && { 'if-match': init.ifMatch }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

const trigger = {
  id: 'tag-vpn',
  on: ['ticket.submitted'],
  conditions: { all: [{ field: 'text', op: 'contains', value: 'vpn' }] },
  actions: [{ type: 'set', addTags: ['vpn'] }],
};

describe('automation routes', () => {
  it('let a supervisor read and replace triggers against the version read, and run them', async () => {
    const first = await call('/automation/triggers', {
      token: keys.supervisor,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"0"');
    expect(await first.json()).toEqual({ items: [], version: 0 });

    const noVersion = await call('/automation/triggers', {
      method: 'PUT',
      token: keys.supervisor,
      body: { items: [trigger] },
    });
    expect(noVersion.status).toBe(428);
    const saved = await call('/automation/triggers', {
      method: 'PUT',
      token: keys.supervisor,
      body: { items: [trigger] },
      ifMatch: '"0"',
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(1);
    const stale = await call('/automation/triggers', {
      method: 'PUT',
      token: keys.supervisor,
      body: { items: [] },
      ifMatch: '"0"',
    });
    expect(stale.status).toBe(412);

    const submitted = await call('/tickets', {
      method: 'POST',
      body: aSubmission({ subject: 'VPN drops hourly' }),
    });
    const { ticket } = await submitted.json();
    await automation.idle();
    const full = await (
      await call(`/tickets/${ticket.id}`, { token: keys.agent })
    ).json();
    expect(full.tags).toContain('vpn');
  });

  it('refuse invalid rules with 422 naming the field, and agents with 403', async () => {
    const bad = {
      ...trigger,
      actions: [{ type: 'note', template: 'Hi {{ticket.secret}}' }],
    };
    const refused = await call('/automation/triggers', {
      method: 'PUT',
      token: keys.supervisor,
      body: { items: [bad] },
      ifMatch: '"1"',
    });
    expect(refused.status).toBe(422);
    const { error } = await refused.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.issues)).toContain('template');
    expect(
      (await call('/automation/schedules', { token: keys.agent })).status,
    ).toBe(403);
    expect(
      (
        await call('/automation/triggers', {
          method: 'PUT',
          token: keys.agent,
          body: { items: [] },
          ifMatch: '"1"',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('/automation/macros', { token: keys.agent })).status,
    ).toBe(200);
    expect(
      (await call('/automation/deliveries', { token: keys.supervisor })).status,
    ).toBe(200);
  });

  it('apply a macro as the calling agent, with If-Match', async () => {
    const submitted = await call('/tickets', {
      method: 'POST',
      body: aSubmission(),
    });
    const { ticket } = await submitted.json();
    const stale = await call(`/tickets/${ticket.id}/macros/take-it`, {
      method: 'POST',
      token: keys.agent,
      ifMatch: '"7"',
    });
    expect(stale.status).toBe(412);
    const applied = await call(`/tickets/${ticket.id}/macros/take-it`, {
      method: 'POST',
      token: keys.agent,
      ifMatch: '"1"',
    });
    expect(applied.status).toBe(200);
    const body = await applied.json();
    expect(body.ticket.tags).toContain('taken');
    expect(body.outcomes.map((o: { applied: boolean }) => o.applied)).toEqual([
      true,
      true,
    ]);
    expect(applied.headers.get('etag')).toBe(`"${body.ticket.version}"`);
    const events = await (
      await call(`/tickets/${ticket.id}/events`, { token: keys.agent })
    ).json();
    const noted = events.events.find(
      (e: { type: string }) => e.type === 'ticket.noted',
    );
    expect(noted.actor).toEqual({ role: 'agent', id: 'ada' });
    expect(noted.data.automation).toEqual({
      ruleId: 'take-it',
      kind: 'macro',
      depth: 1,
    });
    expect(
      (
        await call(`/tickets/${ticket.id}/macros/nope`, {
          method: 'POST',
          token: keys.agent,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(`/tickets/${ticket.id}/macros/take-it`, { method: 'POST' }))
        .status,
    ).toBe(401);
  });
});
