import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Desk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM, startDemo } from './demo.ts';
import { createLogger } from './log.ts';

/**
 * POST /classifier/train on the demo: the replayed ServiceNow history
 * (text "Category N, Subcategory M") must not wreck the model, the body
 * is checked, and the server keeps answering while the model trains.
 */
const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-train-'));
let demo: Awaited<ReturnType<typeof startDemo>>;
let auth: Record<string, string>;
const errors: unknown[] = [];

const system = { actor: { role: 'system' as const, id: null } };

/** A resolved ticket with this text and category, as the replay leaves. */
async function resolved(
  desk: Desk,
  subject: string,
  category: string,
  description = subject,
) {
  const { ticket } = await desk.submit({
    subject,
    description,
    requester: { email: 'history@example.com' },
  });
  await desk.triage(
    ticket.id,
    { impact: 'low', urgency: 'low', category, teamId: DEMO_TEAM },
    system,
  );
  await desk.core.execute(
    ticket.id,
    { type: 'resolve', code: 'fixed', note: 'Done.' },
    system,
  );
}

beforeAll(async () => {
  const quiet = createLogger({ quiet: true });
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'train.sqlite'),
    seed: false,
    routing: false,
    logger: {
      ...quiet,
      error: (message, fields) => errors.push({ message, fields }),
    },
  });
  auth = {
    authorization: `Bearer ${await demo.desk.createApiKey('demo-agent')}`,
  };
  // 30 tickets as examples/replay/servicenow.ts writes them (the log
  // holds no text), and 4 real ones.
  for (let i = 0; i < 30; i++) {
    const [c, sub, sym] = [20 + (i % 3), 100 + i, 400 + i];
    await resolved(
      demo.desk,
      `Category ${c}, Subcategory ${sub}: Symptom ${sym}`,
      `Category ${c}`,
      `Incident INC00${1000 + i} replayed from the ServiceNow event log ` +
        '(Amaral, Fantinato, Peres 2018, CC BY 4.0). The log holds no ' +
        `text: category Category ${c}, subcategory Subcategory ${sub}, ` +
        `symptom Symptom ${sym}, location Location ${i}.`,
    );
  }
  const real = [
    'Printer on floor three prints blank pages after toner change',
    'Cannot open the shared finance spreadsheet from home',
    'New starter needs a laptop docking station and monitor',
    'Outlook keeps asking for my password every few minutes',
  ];
  for (const text of real) await resolved(demo.desk, text, 'Hardware');
}, 60_000);
afterAll(() => demo?.close());

const post = (path: string, body?: string, type = 'application/json') =>
  fetch(`${demo.url}/api/v1${path}`, {
    method: 'POST',
    headers: { ...auth, ...(body !== undefined && { 'content-type': type }) },
    ...(body !== undefined && { body }),
  });

describe('POST /classifier/train in the demo', () => {
  it('refuses bodies that are not {} or its documented options', async () => {
    expect((await post('/classifier/train', '{"minWords": ')).status).toBe(400);
    expect((await post('/classifier/train', '{"bogus": 1}')).status).toBe(422);
    expect((await post('/classifier/train', '{"minWords": 0}')).status).toBe(
      422,
    );
    expect((await post('/classifier/train', '[]')).status).toBe(422);
    expect((await post('/classifier/train', 'x', 'text/plain')).status).toBe(
      400,
    );
    const bare = await fetch(`${demo.url}/api/v1/classifier/train`, {
      method: 'POST',
      headers: auth,
      body: 'x',
    });
    expect(bare.status).toBe(400);
  });

  it('trains on real text and the base corpus, skipping the replayed history, without blocking', async () => {
    const pings: number[] = [];
    let done = false;
    const training = post('/classifier/train', '{}').finally(() => {
      done = true;
    });
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${demo.url}/api/v1/classify`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'vpn drops every hour' }),
      });
      expect(res.status).toBe(200);
      pings.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await training;
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ fromDesk: 4, skipped: 30, fromBase: 2000 });
    expect(result.examples).toBe(2004);
    expect(
      result.labels.filter((l: string) => l.startsWith('Category')),
    ).toEqual([]);
    // The server answered while it trained, each answer quickly.
    expect(pings.length).toBeGreaterThan(3);
    expect(Math.max(...pings)).toBeLessThan(1000);

    const after = await post(
      '/classify',
      JSON.stringify({ text: 'my laptop screen is cracked and flickers' }),
    );
    const labels = (await after.json()).labels.map(
      (l: { label: string }) => l.label,
    );
    expect(labels).toContain('Hardware');
    expect(errors).toEqual([]);
  }, 120_000);

  it('/classify refuses unknown keys and text with a subject', async () => {
    const unknown = await post(
      '/classify',
      JSON.stringify({ text: 'vpn', extra: true }),
    );
    expect(unknown.status).toBe(422);
    const both = await post(
      '/classify',
      JSON.stringify({ text: 'vpn', subject: 'vpn' }),
    );
    expect(both.status).toBe(422);
    const pair = await post(
      '/classify',
      JSON.stringify({ subject: 'vpn', description: 'drops' }),
    );
    expect(pair.status).toBe(200);
  });
});
