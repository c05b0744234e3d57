import { createAutomation } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import { serveNode } from './node.js';
import { seededDesk } from './test-setup.js';

let base = '';
let close: () => Promise<void>;
let supervisor = '';

beforeAll(async () => {
  const seeded = await seededDesk();
  supervisor = seeded.keys.supervisor;
  // No webhook sender: the case a fresh-user trial found open.
  const automation = createAutomation(seeded.desk, {});
  const handler = createHttpHandler({
    desk: seeded.desk,
    services: { automation },
  });
  const server = await serveNode(handler);
  base = `${server.url}/api/v1`;
  close = () => server.close();
});
afterAll(() => close());

const put = (url: string, version: number) =>
  fetch(`${base}/automation/triggers`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${supervisor}`,
      'content-type': 'application/json',
      'if-match': `"${version}"`,
    },
    body: JSON.stringify({
      items: [
        {
          id: 'post-out',
          on: ['ticket.submitted'],
          actions: [{ type: 'webhook', url }],
        },
      ],
    }),
  });

describe('PUT /automation/triggers without a webhook sender', () => {
  it('refuses metadata, loopback and localhost webhooks with 422 DESTINATION_REFUSED', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:6379/',
      'http://localhost/admin',
    ]) {
      const res = await put(url, 0);
      expect(res.status, url).toBe(422);
      const { error } = await res.json();
      expect(error.code, url).toBe('DESTINATION_REFUSED');
    }
    const ok = await put('https://hooks.example.com/in', 0);
    expect(ok.status).toBe(200);
  });
});
