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
      expect(said).toMatch(/Fri 8:00\sAM–4:00\sPM/);

      const widget = await (await fetch(`${demo.url}/`)).text();
      expect(widget).toMatch(/<ticket-widget endpoint="\/api\/v1" assistant\s/);
    } finally {
      await demo.close();
    }
  });

  it('classifies a ticket it opens from the requester’s words, not the offered article', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'assistant-ticket.sqlite'),
      seed: false,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    try {
      // Words of the VPN article (home, client, shield), but not "vpn".
      const first = await say(demo.url, {
        text: 'From home my laptop client never shows the green shield',
      });
      const offered = first.body.replies.find(
        (r: { type: string }) => r.type === 'articles',
      );
      expect(offered.articles[0].title).toBe('Connect to the VPN from home');
      const conversationId = first.body.conversationId;
      let last = first;
      for (const step of [
        { choice: 'handover', text: 'No, I still need help' },
        { text: 'It flickers every few seconds, an external monitor is fine.' },
        { text: 'lin@example.com' },
        { choice: 'skip', text: 'Skip' },
        { choice: 'skip', text: 'Skip' },
        { choice: 'skip', text: 'Skip' },
        { choice: 'yes', text: 'Open the ticket' },
      ]) {
        last = await say(demo.url, { conversationId, ...step });
        expect(last.status).toBe(200);
      }
      const reply = last.body.replies.find(
        (r: { type: string }) => r.type === 'ticket',
      );
      const ticket = await demo.desk.getByRef(reply.ticket.ref);
      // The classifier has run once its suggestion is stored.
      let suggestion: Response | undefined;
      for (let i = 0; i < 100 && suggestion?.status !== 200; i++) {
        if (i) await new Promise((r) => setTimeout(r, 20));
        suggestion = await fetch(
          `${demo.url}/api/v1/tickets/${ticket!.id}/suggestion`,
          { headers: { authorization: `Bearer ${demo.apiKey}` } },
        );
      }
      expect(suggestion?.status).toBe(200);
      expect((await suggestion!.json()).rules).toEqual([]);
      const classified = await demo.desk.get(ticket!.id);
      expect(classified?.category ?? null).toBeNull();
      expect(classified?.tags).not.toContain('access');
      // The problem as first stated, then what the requester added.
      expect(ticket?.description).toBe(
        'From home my laptop client never shows the green shield\n\nIt flickers every few seconds, an external monitor is fine.',
      );
      // Agents still read the whole conversation, as an internal note.
      const note = (await demo.desk.events(ticket!.id)).find(
        (e) => e.type === 'ticket.noted',
      );
      expect(note?.data).toMatchObject({ visibility: 'internal' });
      expect(String(note?.data?.body)).toContain(
        'Connect to the VPN from home',
      );
    } finally {
      await demo.close();
    }
  });
});
