import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-people-'));
const errors: unknown[] = [];
let demo: Awaited<ReturnType<typeof startDemo>>;

beforeAll(async () => {
  const logger = createLogger({ quiet: true });
  demo = await startDemo({
    port: 0,
    dbFile: join(dir, 'people.sqlite'),
    seed: false,
    logger: {
      ...logger,
      error: (message, fields) => errors.push({ message, fields }),
    },
  });
});
afterAll(() => demo.close());

const call = (path: string, init: { body?: unknown; token?: string } = {}) =>
  fetch(`${demo.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function submit(email: string): Promise<string> {
  const response = await call('/api/v1/tickets', {
    body: {
      subject: 'New VPN profile for the Lyon office',
      description: 'The office moves to the new gateway next week.',
      requester: { email },
    },
  });
  expect(response.status).toBe(201);
  return (await response.json()).ticket.id;
}

describe('people in the demo server', () => {
  it('holds a change for the supervisor’s approval, then reopens it', async () => {
    const key = demo.apiKey!;
    const id = await submit('ops@elsewhere.example');
    // The demo classifies and routes web tickets in the background:
    // triage against the version read, again if that moved meanwhile.
    const triage = async () => {
      const version = (await demo.desk.get(id))!.version;
      return fetch(`${demo.url}/api/v1/tickets/${id}/commands`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'if-match': `"${version}"`,
        },
        body: JSON.stringify({
          type: 'triage',
          impact: 'medium',
          urgency: 'low',
          ticketType: 'change',
        }),
      });
    };
    let triaged = await triage();
    for (let i = 0; i < 5 && triaged.status === 412; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      triaged = await triage();
    }
    expect(triaged.status).toBe(200);
    await expect
      .poll(async () => (await demo.desk.get(id))?.pendingReason)
      .toBe('approval');

    const pending = await call('/api/v1/approvals/pending?mine=true', {
      token: key,
    });
    const ids = (await pending.json()).items.map((t: { id: string }) => t.id);
    expect(ids).toContain(id);
    const approved = await call(`/api/v1/tickets/${id}/approval/approve`, {
      token: key,
      body: { reason: 'Planned with the Lyon office' },
    });
    expect(approved.status).toBe(200);
    expect((await approved.json()).ticket.status).toBe('open');
    expect(errors).toEqual([]);
  });

  it('shows the demo user the tickets of Example Co colleagues', async () => {
    const id = await submit('colleague@example.com');
    const other = await submit('someone@elsewhere.example');
    const { token } = await (await call('/demo/identity')).json();
    await expect
      .poll(async () => {
        const shared = await call('/api/v1/me/organization/tickets', {
          token,
        });
        return (await shared.json()).items.map((t: { id: string }) => t.id);
      })
      .toContain(id);
    const shared = await call('/api/v1/me/organization/tickets', { token });
    const ids = (await shared.json()).items.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(other);
    expect((await call(`/api/v1/tickets/${id}`, { token })).status).toBe(200);
    expect((await call(`/api/v1/tickets/${other}`, { token })).status).toBe(
      403,
    );
  });
});
