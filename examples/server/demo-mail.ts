import { dirname, join } from 'node:path';
import {
  createMailIntake,
  createMailNotifier,
  createOutboxTransport,
} from '@ticketry/adapters/email';
import type { MailInboundService } from '@ticketry/adapters/http/server';
import type { Desk } from '@ticketry/core';
import type { Logger } from './log.ts';

/** The address the demo desk takes mail at. */
export const DEMO_MAIL_ADDRESS = 'help@demo.example';

/**
 * Mail in and out for the demo, without any network: `POST
 * /api/v1/mail/inbound` (with the demo agent's key) takes raw
 * messages, and every notification is written as an `.eml` file to
 * the `outbox` folder beside the database (`.ticketry/outbox`). The
 * closing mail links to the demo page (`siteUrl()`, where the signed-in
 * demo user rates closed tickets); dates are shown in UTC.
 */
export function demoMail(
  desk: Desk,
  dbFile: string,
  log: Logger,
  siteUrl: () => string = () => 'http://127.0.0.1:8080',
) {
  const outbox = join(dirname(dbFile), 'outbox');
  const intake = createMailIntake(desk, { address: DEMO_MAIL_ADDRESS });
  const notifier = createMailNotifier(desk, {
    transport: createOutboxTransport(outbox),
    from: { address: DEMO_MAIL_ADDRESS, name: 'Ticketry demo desk' },
    ownAddresses: intake.addresses,
    ratingUrl: (ticket) =>
      `${siteUrl()}/?rate=${encodeURIComponent(ticket.ref)}`,
    timeZone: 'UTC',
    onError: (error) => log.error('mail notification failed', { error }),
  });
  const service: MailInboundService = { intake };
  return { service, notifier, outbox };
}
