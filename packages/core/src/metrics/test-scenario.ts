import { berlinOffice, slaDesk } from '../sla/test-support.js';

const H = 3_600_000;

/**
 * Three tickets in Berlin office hours (Monday 2024-03-04 09:00 local =
 * 08:00 UTC), with SLAs: T1 answered after 1 h and resolved after 3 h,
 * rated 5; T2 opened at closing time, passed from Ada to Sam, resolved
 * the next morning, reopened and resolved again, rated 2; T3 by email,
 * never touched, breaches its targets when the desk ticks on Friday.
 */
export async function metricsScenario() {
  const env = await slaDesk();
  const { desk, clock, ada, sam } = env;
  const at = (iso: string) => clock.set(iso);
  const submit = (channel: 'web' | 'email') =>
    desk.submit({
      subject: 'VPN drops',
      description: 'Every hour on the hour.',
      requester: { email: 'grace@example.com' },
      channel,
    });

  at('2024-03-04T08:00:00Z');
  const t1 = (await submit('web')).ticket;
  await desk.triage(
    t1.id,
    {
      impact: 'medium',
      urgency: 'medium',
      teamId: 'service-desk',
      category: 'network',
    },
    ada,
  );
  await desk.assign(t1.id, { assigneeId: 'ada', teamId: 'service-desk' }, ada);
  await desk.start(t1.id, {}, ada);
  at('2024-03-04T09:00:00Z');
  await desk.reply(t1.id, { body: 'Looking into it' }, ada);
  at('2024-03-04T11:00:00Z');
  await desk.resolve(t1.id, { code: 'fixed', note: 'New profile' }, ada);
  const requester = {
    actor: { role: 'requester', id: t1.requesterId },
  } as const;
  await desk.rate(t1.id, { rating: 5 }, requester);

  at('2024-03-04T16:00:00Z');
  const t2 = (await submit('web')).ticket;
  await desk.triage(
    t2.id,
    {
      impact: 'high',
      urgency: 'high',
      teamId: 'service-desk',
      category: 'access',
    },
    ada,
  );
  await desk.assign(t2.id, { assigneeId: 'ada', teamId: 'service-desk' }, ada);
  await desk.assign(t2.id, { assigneeId: 'sam', teamId: 'service-desk' }, sam);
  await desk.start(t2.id, {}, sam);
  at('2024-03-05T08:00:00Z');
  await desk.resolve(t2.id, { code: 'fixed', note: 'Reset' }, sam);
  at('2024-03-05T09:00:00Z');
  const asker = { actor: { role: 'requester', id: t2.requesterId } } as const;
  await desk.reject(t2.id, { reason: 'Still broken' }, asker);
  at('2024-03-05T10:00:00Z');
  await desk.resolve(t2.id, { code: 'fixed', note: 'Reset again' }, sam);
  await desk.rate(t2.id, { rating: 2 }, asker);

  at('2024-03-06T08:00:00Z');
  const t3 = (await submit('email')).ticket;
  at('2024-03-08T16:00:00Z');
  await desk.tick();
  clock.advance(H);
  return { ...env, ids: [t1.id, t2.id, t3.id], calendar: berlinOffice };
}
