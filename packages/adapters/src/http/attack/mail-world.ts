import nodemailer from 'nodemailer';
import { createMailIntake } from '../../email/intake.js';
import { createMailNotifier } from '../../email/notifier.js';
import { toNodemailer } from '../../email/transports.js';
import type { MailTransport, OutgoingMail } from '../../email/types.js';
import { createHttpHandler } from '../server/handler.js';
import { type NodeServer, serveNode } from '../server/node.js';
import type { Site } from './world.js';

/** The desk's address on the mail side of the attack suite. */
export const DESK_ADDRESS = 'help@acme.example';
/** The inbound webhook's shared secret (47 characters). */
export const MAIL_SECRET = 'attack-suite-mail-webhook-secret-0123456789abcd';
/** Largest message the intake takes here, so oversized mail stays cheap. */
export const MAIL_MAX_BYTES = 256 * 1024;
/** Acknowledgements per sender per hour (the notifier's default). */
export const MAX_ACKS = 5;

/** One outgoing message and its bytes as an SMTP server would get them. */
export interface SentMail {
  mail: OutgoingMail;
  raw: string;
}

/** The intake side: acme's desk behind a second loopback server. */
export interface MailSide {
  /** API root whose `/mail/inbound` takes raw mail. */
  api: string;
  /** Everything the notifier sent, in order. */
  sent: SentMail[];
  /** Settles when every queued notification went out. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A memory transport that also keeps the message as nodemailer writes
 * it for SMTP, so header injection shows in the real wire format.
 */
function composingTransport(sent: SentMail[]): MailTransport {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  return {
    async send(mail) {
      const info = await composer.sendMail(toNodemailer(mail));
      sent.push({
        mail: structuredClone(mail),
        raw: (info.message as Buffer).toString('utf8'),
      });
    },
  };
}

/**
 * Starts the mail side on acme's desk (the world's SQLite database, so
 * its checksum sees every write): an intake behind `POST /mail/inbound`
 * with the webhook secret, and a notifier on a composing memory
 * transport. Started only for the mail groups, so no notification runs
 * while the other groups count writes.
 */
export async function startMailSide(site: Site): Promise<MailSide> {
  const intake = createMailIntake(site.desk, {
    address: DESK_ADDRESS,
    maxBytes: MAIL_MAX_BYTES,
  });
  const sent: SentMail[] = [];
  const notifier = createMailNotifier(site.desk, {
    transport: composingTransport(sent),
    from: { address: DESK_ADDRESS, name: 'Acme Help' },
    ownAddresses: intake.addresses,
    maxAcksPerHour: MAX_ACKS,
  });
  const handler = createHttpHandler({
    desk: site.desk,
    services: {
      mail: { intake, secret: MAIL_SECRET, maxBytes: MAIL_MAX_BYTES },
    },
  });
  const server: NodeServer = await serveNode(handler, {
    host: '127.0.0.1',
    port: 0,
  });
  return {
    api: `${server.url}/api/v1`,
    sent,
    idle: () => notifier.idle(),
    close: async () => {
      notifier.stop();
      await notifier.idle();
      await server.close();
    },
  };
}

/** Header names of a raw message, lower-case, folded lines joined. */
export function headerNames(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head
    .split(/\r?\n(?![ \t])/)
    .map((line) => line.slice(0, line.indexOf(':')).trim().toLowerCase());
}
