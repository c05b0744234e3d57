import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMail, rawBytes } from './parse.js';
import { fixture, mailDesk } from './test-support.js';
import { createOutboxTransport } from './transports.js';

describe('outbox transport', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ticketry-outbox-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes each message as an .eml file that parses back', async () => {
    const outbox = join(folder, 'nested', 'outbox');
    const t = await mailDesk(undefined, {
      notifier: { transport: createOutboxTransport(outbox) },
    });
    const result = await t.intake.receive(fixture('utf8-encoded-words.eml'));
    await t.notifier.idle();
    t.notifier.stop();
    expect(t.errors).toEqual([]);
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      new RegExp(`-${result.ticket!.ref}-acknowledgement\\.eml$`),
    );
    const raw = readFileSync(join(outbox, files[0]!));
    const mail = await parseMail(rawBytes(new Uint8Array(raw), 1e7));
    expect(mail.subject).toBe(
      `[${result.ticket!.ref}] Received: Ошибка входа — ログインできません ✉`,
    );
    expect(mail.to).toEqual([
      { address: 'soren@example.dk', name: 'Søren Ødegård' },
    ]);
    expect(mail.header('auto-submitted')).toEqual(['auto-generated']);
    expect(mail.threadIds).toEqual(['<utf8-001@example.dk>']);
  });
});
