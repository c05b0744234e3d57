import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import type { MailAddress, MailTransport, OutgoingMail } from './types.js';

/** Test transport: keeps every message in `sent`, sends nothing. */
export interface MemoryTransport extends MailTransport {
  readonly sent: OutgoingMail[];
}

/**
 * A transport that keeps messages in memory, for tests and previews.
 *
 * @example
 * const outbox = createMemoryTransport();
 * // … after the desk acts:
 * outbox.sent[0]?.subject; // '[T-1001] Received: Printer jams'
 */
export function createMemoryTransport(): MemoryTransport {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(structuredClone(mail));
    },
  };
}

const address = (a: MailAddress) => ({
  address: a.address,
  name: a.name ?? '',
});

/** The message as nodemailer takes it. */
export function toNodemailer(mail: OutgoingMail) {
  return {
    from: address(mail.from),
    to: mail.to.map(address),
    cc: mail.cc.map(address),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
    ...(mail.references.length && { references: mail.references }),
    headers: mail.headers,
  };
}

/** Options of {@link createSmtpTransport}: nodemailer's SMTP options. */
export type SmtpTransportOptions = SMTPTransportOptions;

/**
 * Sends through an SMTP server with nodemailer (STARTTLS, auth and
 * pooling as nodemailer configures them). `close()` ends its
 * connections.
 *
 * @example
 * const smtp = createSmtpTransport({ host: 'smtp.example.com', port: 587, auth: { user, pass } });
 */
export function createSmtpTransport(
  options: SmtpTransportOptions,
): MailTransport {
  if (!options || typeof options !== 'object') {
    throw new TypeError(
      'createSmtpTransport: SMTP options (host, port…) are required',
    );
  }
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail));
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Writes each message as an `.eml` file in a folder instead of sending
 * it: the demo's outbox, with no network at all.
 *
 * @example
 * const outbox = createOutboxTransport('.ticketry/outbox');
 */
export function createOutboxTransport(folder: string): MailTransport {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  let made: Promise<unknown> | null = null;
  return {
    async send(mail) {
      made ??= mkdir(folder, { recursive: true });
      await made;
      const info = await composer.sendMail(toNodemailer(mail));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${mail.ref}-${mail.kind}.eml`.replace(
        /[^\w.-]/g,
        '_',
      );
      await writeFile(join(folder, name), info.message as Buffer);
    },
  };
}
