import { describe, expect, it } from 'vitest';
import { berlinOffice, slaDesk, standardPolicy } from '../sla/test-support.js';
import { createPredictions } from './predictor.js';

/** SLA clocks on incidents only, so only the late ticket breaches. */
const incidents = {
  calendars: [berlinOffice],
  policies: [{ ...standardPolicy, match: { types: ['incident' as const] } }],
};

/**
 * A desk with SLA clocks whose history says network tickets miss (a
 * field the model learns from), and one mail incident left to breach
 * both its targets.
 */
async function breachedDesk() {
  const env = await slaDesk({ sla: incidents });
  for (let i = 0; i < 40; i++) {
    env.clock.advance(600_000);
    const category = i % 2 ? 'network' : 'mail';
    await env.desk.submit({
      subject: `${category} trouble`,
      description: 'It does not work.',
      requester: { email: `user${i}@example.com` },
      category,
      fields: { missed: category === 'network' },
    });
  }
  const { ticket: late } = await env.desk.submit({
    subject: 'mail trouble',
    description: 'It does not work.',
    requester: { email: 'grace@example.com' },
    category: 'mail',
    ticketType: 'incident',
  });
  await env.desk.triage(
    late.id,
    { impact: 'medium', urgency: 'medium', teamId: 'service-desk' },
    env.ada,
  );
  env.clock.set('2024-03-08T12:00:00Z');
  await env.desk.tick();
  const predictions = await createPredictions(env.desk, {
    outcome: (r) => (r.fields['missed'] === true ? 1 : 0),
    laterAges: [],
  });
  await predictions.refresh();
  return { ...env, late, predictions };
}

describe('breach risk of a ticket already breached', () => {
  it('is 1 and flagged, and leads the queue', async () => {
    const { desk, late, predictions } = await breachedDesk();
    const types = (await desk.events(late.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'ticket.sla_breached')).toHaveLength(2);
    expect(predictions.risk(late.id)).toMatchObject({
      risk: 1,
      breached: true,
      open: true,
    });
    const [first, second] = predictions.riskQueue(2);
    expect(first).toMatchObject({ ticketId: late.id, risk: 1 });
    expect(second!.breached).toBe(false);
    expect(second!.risk).toBeLessThan(1);
    predictions.stop();
  });

  it('says when a ticket is no longer open', async () => {
    const { desk, late, predictions, ada } = await breachedDesk();
    await desk.core.execute(
      late.id,
      { type: 'assign', assigneeId: 'ada' },
      ada,
    );
    await desk.core.execute(late.id, { type: 'start' }, ada);
    await desk.core.execute(
      late.id,
      { type: 'resolve', code: 'fixed', note: 'Done.' },
      ada,
    );
    expect(predictions.risk(late.id)?.open).toBe(false);
    expect(predictions.riskQueue().map((r) => r.ticketId)).not.toContain(
      late.id,
    );
    predictions.stop();
  });
});
