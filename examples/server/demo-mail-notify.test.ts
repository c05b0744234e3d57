import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, startDemo } from './demo.ts';
import { DEMO_MAIL_ADDRESS } from './demo-mail.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-notify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The decoded text of an .eml file's quoted-printable or plain parts. */
const decoded = (eml: string) =>
  eml
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) =>
      String.fromCharCode(Number.parseInt(h, 16)),
    );

describe('the demo’s resolved and closed mails', () => {
  it('show the reopen date for people and link to a rating page that exists', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'demo.sqlite'),
      seed: false,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    let ratingPage: Response | null = null;
    let rateUrl = '';
    try {
      const raw = [
        'From: Ada <ada@example.com>',
        `To: ${DEMO_MAIL_ADDRESS}`,
        'Subject: Monitor flickers',
        'Message-ID: <demo-notify-1@example.com>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The left monitor flickers every few seconds.',
      ].join('\r\n');
      const made = await fetch(`${demo.url}/api/v1/mail/inbound`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${demo.apiKey}`,
          'content-type': 'message/rfc822',
        },
        body: raw,
      });
      const id = (await made.json()).ticket.id as string;
      const agent = (await demo.desk.getAgent(DEMO_AGENT))!;
      const as = { actor: { role: agent.role, id: agent.id } } as const;
      await demo.desk.triage(
        id,
        { impact: 'medium', urgency: 'medium', teamId: 'service-desk' },
        as,
      );
      await demo.desk.assign(id, { assigneeId: DEMO_AGENT }, as);
      await demo.desk.start(id, {}, as);
      await demo.desk.resolve(id, { code: 'fixed', note: 'New cable.' }, as);
      await demo.desk.close(id, {}, as);
      const closedAt = (await demo.desk.get(id))!;
      expect(closedAt.status).toBe('closed');
      // The notifier writes in the background: wait (at most 5 s) for it.
      const outbox = join(dir, 'outbox');
      const read = () =>
        (existsSync(outbox) ? readdirSync(outbox) : []).map((f) =>
          decoded(readFileSync(join(outbox, f), 'utf8')),
        );
      let mails = read();
      // Until the closing mail is there and written whole (its last part).
      const whole = (m: string) => /\] Closed/.test(m) && /<\/html>/.test(m);
      for (let i = 0; i < 50 && !mails.some(whole); i++) {
        await new Promise((r) => setTimeout(r, 100));
        mails = read();
      }
      const resolved = mails.find((m) =>
        /Subject: \[T-\d+\] Resolved/.test(m),
      )!;
      const closed = mails.find(whole)!;
      expect(resolved).toMatch(
        /reply before \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC and/,
      );
      expect(resolved).not.toMatch(/reply before \d{4}-\d{2}-\d{2}T/);
      const link = /Rate the help: (http\S+)/.exec(closed);
      expect(link).not.toBeNull();
      rateUrl = link![1]!;
      expect(rateUrl.startsWith(`${demo.url}/`)).toBe(true);
      ratingPage = await fetch(rateUrl);
      expect(ratingPage.status).toBe(200);
      expect(ratingPage.headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      await demo.close();
    }
  });
});
