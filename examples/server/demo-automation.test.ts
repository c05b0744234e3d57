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
    // A new ticket cannot wait for the requester: refused up front,
    // naming the step, with nothing mailed or tagged.
    expect(applied.status).toBe(409);
    const { error } = await applied.json();
    expect(error.message).toMatch(/step 4 \(command\): sends pend/);
    expect(error.message).toMatch(/refused before any step ran/);
    const untouched = await demo.desk.get(ticket.id);
    expect(untouched?.tags).not.toContain('logs-requested');
    const replies = (await demo.desk.events(ticket.id)).filter(
      (e) => e.type === 'ticket.replied',
    );
    expect(replies).toHaveLength(0);

    // On a ticket assigned to the agent it works: started, then pending.
    await demo.desk.core.execute(
      ticket.id,
      { type: 'assign', assigneeId: 'demo-agent', teamId: 'service-desk' },
      { actor: { role: 'supervisor', id: 'demo-agent' } },
    );
    const ok = await fetch(`${api}/tickets/${ticket.id}/macros/ask-for-logs`, {
      method: 'POST',
      headers: auth,
    });
    expect(ok.status).toBe(200);
    const after = await demo.desk.get(ticket.id);
    expect(after).toMatchObject({
      status: 'pending',
      pendingReason: 'requester',
    });
    expect(after?.tags).toContain('logs-requested');
  });
});
