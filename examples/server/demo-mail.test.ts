import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { DEMO_MAIL_ADDRESS } from './demo-mail.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo server’s mail', () => {
  it('takes a raw message over HTTP and writes the acknowledgement to the outbox', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'demo.sqlite'),
      seed: false,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    try {
      const raw = [
        'From: Ada <ada@example.com>',
        `To: ${DEMO_MAIL_ADDRESS}`,
        'Subject: Monitor flickers',
        'Message-ID: <demo-mail-1@example.com>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The left monitor flickers every few seconds.',
      ].join('\r\n');
      const response = await fetch(`${demo.url}/api/v1/mail/inbound`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${demo.apiKey}`,
          'content-type': 'message/rfc822',
        },
        body: raw,
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ outcome: 'created' });
    } finally {
      // Closing waits for the notifier, so the outbox is written.
      await demo.close();
    }
    const outbox = join(dir, 'outbox');
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(outbox, files[0]!), 'utf8');
    expect(eml).toMatch(/^Subject: \[T-\d+\] Received: Monitor flickers\r?$/m);
    expect(eml).toMatch(/^In-Reply-To: <demo-mail-1@example\.com>\r?$/m);
  });
});
