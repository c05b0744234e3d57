import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-assistant-'));

async function say(url: string, body: Record<string, unknown>) {
  const r = await fetch(`${url}/api/v1/assistant/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

describe('the assistant in the demo server', () => {
  it('links to the demo’s reset page and answers from the office calendar', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'assistant.sqlite'),
      seed: false,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    try {
      const reset = await say(demo.url, { text: 'I forgot my password' });
      expect(reset.status).toBe(200);
      const href = reset.body.replies[0].href as string;
      expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/password-reset\.html$/);
      const page = await fetch(`${demo.url}/password-reset.html`);
      expect(page.status).toBe(200);

      const hours = await say(demo.url, {
        text: 'what are your opening hours?',
      });
      const said = hours.body.replies
        .map((r: { text: string }) => r.text)
        .join('\n');
      expect(said).toMatch(/Europe\/Berlin/);
      expect(said).toMatch(/Fri 08:00–16:00/);

      const widget = await (await fetch(`${demo.url}/`)).text();
      expect(widget).toMatch(/<ticket-widget endpoint="\/api\/v1" assistant>/);
    } finally {
      await demo.close();
    }
  });
});
