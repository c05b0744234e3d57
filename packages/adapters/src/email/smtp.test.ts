import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMail, rawBytes } from './parse.js';
import { fixture, mailDesk } from './test-support.js';
import { createSmtpTransport } from './transports.js';

interface Received {
  raw: string;
  from: string;
  to: string[];
}

/** A real SMTP server on 127.0.0.1 at an ephemeral port. */
async function startSmtp(refuse?: string) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse && address.address === refuse) {
        const error = Object.assign(new Error('mailbox unavailable'), {
          responseCode: 550,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('SMTP transport against a real SMTP server on 127.0.0.1', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('delivers the acknowledgement with text, HTML, threading and loop headers', async () => {
    const smtp = await startSmtp();
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    cleanups.push(smtp.close, async () => transport.close?.());
    const t = await mailDesk(undefined, { notifier: { transport } });
    cleanups.push(async () => t.notifier.stop());

    const result = await t.intake.receive(fixture('multipart-alternative.eml'));
    await t.notifier.idle();
    expect(t.errors).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    const [delivery] = smtp.received;
    expect(delivery!.from).toBe('help@desk.example');
    expect(delivery!.to).toEqual(['ada@example.com']);
    expect(delivery!.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(delivery!.raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(delivery!.raw).toMatch(
      /^In-Reply-To: <CAAda001\.printer@mail\.example\.com>\r?$/m,
    );

    const sent = await parseMail(rawBytes(delivery!.raw, 1e7));
    expect(sent.subject).toBe(
      `[${result.ticket!.ref}] Received: Printer on floor 3 jams on every job`,
    );
    expect(sent.header('x-ticketry-ticket')).toEqual([result.ticket!.ref]);
    expect(sent.body).toContain(`filed it as ${result.ticket!.ref}`);

    // Our own mail coming back creates nothing: by address, and by Message-ID.
    expect((await t.intake.receive(delivery!.raw)).reason).toBe('own_address');
    const relayed = delivery!.raw.replace(
      /^From: .*$/m,
      'From: relay@example.com',
    );
    expect((await t.intake.receive(relayed)).reason).toBe('own_message');

    // The requester's answer to it threads by In-Reply-To.
    const answer = fixture('reply-by-header.eml', { ackId: sent.messageId! });
    expect(await t.intake.receive(answer)).toMatchObject({
      outcome: 'replied',
      ticket: { id: result.ticket!.id },
    });
  });

  it('reports a recipient the server refuses to onError', async () => {
    const smtp = await startSmtp('ada@example.com');
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    cleanups.push(smtp.close, async () => transport.close?.());
    const t = await mailDesk(undefined, { notifier: { transport } });
    cleanups.push(async () => t.notifier.stop());
    await t.intake.receive(fixture('multipart-alternative.eml'));
    await t.notifier.idle();
    expect(smtp.received).toEqual([]);
    expect(t.errors).toHaveLength(1);
    expect(String(t.errors[0])).toMatch(/550|mailbox unavailable|rejected/i);
  });
});
