import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-automation-'));
let close: (() => Promise<void>) | undefined;
afterAll(() => close?.());

describe('the demo automation', () => {
  it('flags outage words on new tickets and serves its rules and macro', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'demo.sqlite'),
      seed: false,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    close = demo.close;
    const api = `${demo.url}/api/v1`;
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const submitted = await fetch(`${api}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Mail server down',
        description: 'Nobody can send mail since 9:00.',
        requester: { email: 'grace@example.com' },
      }),
    });
    const { ticket } = await submitted.json();
    // Triggers run just after the submission is answered: poll briefly.
    let tags: string[] = [];
    for (let i = 0; i < 30 && !tags.includes('possible-outage'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      const full = await fetch(`${api}/tickets/${ticket.id}`, {
        headers: auth,
      });
      tags = (await full.json()).tags;
    }
    expect(tags).toContain('possible-outage');

    const triggers = await (
      await fetch(`${api}/automation/triggers`, { headers: auth })
    ).json();
    expect(triggers.items.map((t: { id: string }) => t.id)).toContain(
      'flag-outage',
    );
    const applied = await fetch(
      `${api}/tickets/${ticket.id}/macros/ask-for-logs`,
      { method: 'POST', headers: auth },
    );
    expect(applied.status).toBe(409); // a new ticket cannot be pended yet
  });
});
