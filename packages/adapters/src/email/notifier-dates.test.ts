import { createManualClock, createMemoryStore } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { createDateFormat } from './dates.js';
import { createMailNotifier } from './notifier.js';
import { mailDesk } from './test-support.js';
import { createMemoryTransport } from './transports.js';

async function resolvedMail(notifier: Record<string, unknown>) {
  const clock = createManualClock('2026-12-07T08:00:00Z');
  const t = await mailDesk(() => createMemoryStore(), {
    desk: { clock },
    notifier,
  });
  const { ticket } = await t.desk.submit({
    subject: 'VPN drops',
    description: 'Hourly.',
    requester: { email: 'grace@example.com' },
    channel: 'web',
  });
  await t.desk.triage(
    ticket.id,
    { impact: 'medium', urgency: 'medium', teamId: 'it' },
    { actor: t.sam },
  );
  await t.desk.resolve(
    ticket.id,
    { code: 'fixed', note: 'Done.' },
    { actor: t.sam },
  );
  await t.notifier.idle();
  t.notifier.stop();
  const until = (await t.desk.get(ticket.id))!.reopenUntil!;
  const mail = t.outbox.sent.find((m) => m.kind === 'resolved')!;
  return { mail, until };
}

describe('dates in notifications', () => {
  it('are written for people, in UTC by default', async () => {
    const { mail, until } = await resolvedMail({});
    expect(mail.text).not.toContain(until);
    expect(mail.text).toContain(
      `reply before ${createDateFormat()(until)} and`,
    );
    expect(mail.text).toMatch(
      /reply before \w{3}, \d{1,2} \w{3} 2026, \d{2}:\d{2} UTC/,
    );
    expect(mail.html).not.toContain(until);
  });

  it('follow the locale and time zone options', async () => {
    const { mail, until } = await resolvedMail({
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
    });
    const shown = createDateFormat({
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
    })(until);
    expect(shown).toMatch(/MEZ|CET|GMT\+1/);
    expect(mail.text).toContain(shown);
  });

  it('refuses a time zone Intl does not know', () => {
    expect(() =>
      createMailNotifier({} as never, {
        transport: createMemoryTransport(),
        from: 'help@desk.example',
        timeZone: 'Mars/Olympus',
      }),
    ).toThrow(/`timeZone`/);
  });
});
