import { createTriage, type Triage } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { aSubmission, seededDesk } from './test-setup.js';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

const HISTORY = [
  ['Printer jams on tray 2', 'Hardware'],
  ['Laptop screen flickers', 'Hardware'],
  ['Docking station gives no video', 'Hardware'],
  ['Keyboard keys stuck', 'Hardware'],
  ['Cannot log in to the VPN', 'Access'],
  ['Password expired, locked out', 'Access'],
  ['Need access to the finance share', 'Access'],
  ['Account locked after login attempts', 'Access'],
] as const;

/** A desk served on 127.0.0.1 with resolved history, classifier on unless `off`. */
async function classifyApi(off = false) {
  const { desk, keys } = await seededDesk();
  const agent = { role: 'agent' as const, id: 'ada' };
  for (const [subject, category] of HISTORY) {
    const { ticket } = await desk.submit(
      aSubmission({ subject, description: subject }),
    );
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', category },
      { actor: agent },
    );
    await desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'Done.' },
      { actor: agent },
    );
  }
  let classifier: Triage | undefined;
  if (!off) classifier = await createTriage(desk, { threshold: 0.99 });
  const handler = createHttpHandler({
    desk,
    services: classifier ? { classifier } : {},
  });
  const server = await serveNode(handler);
  closers.push(async () => {
    classifier?.stop();
    await server.close();
  });
  const call = (path: string, token: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  return { desk, keys, call, classifier };
}

describe('classification over HTTP', () => {
  it('lets a supervisor retrain from resolved tickets, and nobody else', async () => {
    const { keys, call } = await classifyApi();
    expect((await call('/classifier/train', keys.agent, {})).status).toBe(403);
    const response = await call('/classifier/train', keys.supervisor, {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.examples).toBe(HISTORY.length);
    expect(body.labels.sort()).toEqual(['Access', 'Hardware']);
  });

  it('classifies a text for an agent, best label first', async () => {
    const { keys, call } = await classifyApi();
    await call('/classifier/train', keys.supervisor, {});
    const response = await call('/classify', keys.agent, {
      subject: 'VPN login fails',
      description: 'My password is refused',
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.label).toBe('Access');
    expect(body.labels).toHaveLength(2);
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(body.threshold).toBe(0.99);
    expect((await call('/classify', keys.agent, {})).status).toBe(422);
  });

  it('refuses text with no words with 422 naming the field, instead of guessing a label', async () => {
    const { keys, call } = await classifyApi();
    await call('/classifier/train', keys.supervisor, {});
    const cases: [Record<string, string>, string][] = [
      [{ text: '\u{1F525}\u0000' }, 'text'],
      [{ text: '  --- !!! ' }, 'text'],
      [{ subject: '\u{1F600}', description: '...' }, 'description'],
    ];
    for (const [body, field] of cases) {
      const response = await call('/classify', keys.agent, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      const { error } = await response.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({
        path: [field],
        message:
          'the text has no words to classify: send some letters or digits',
      });
    }
    const digits = await call('/classify', keys.agent, { text: 'error 404' });
    expect(digits.status).toBe(200);
  });

  it("answers a ticket's suggestion made at submission", async () => {
    const { desk, keys, call, classifier } = await classifyApi();
    await call('/classifier/train', keys.supervisor, {});
    const { ticket } = await desk.submit(
      aSubmission({
        subject: 'Printer tray jams',
        description: 'Tray 2 again.',
      }),
    );
    await classifier!.idle();
    const response = await call(`/tickets/${ticket.id}/suggestion`, keys.agent);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ticketId: ticket.id,
      category: 'Hardware',
      applied: false,
    });
    expect((await call('/tickets/nope/suggestion', keys.agent)).status).toBe(
      404,
    );
  });

  it('answers 404 when no classifier is configured', async () => {
    const { keys, call } = await classifyApi(true);
    const response = await call('/classify', keys.agent, { text: 'printer' });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});
