import { describe, expect, it } from 'vitest';
import { createAutomation } from '../automation/automation.js';
import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createPredictions } from './predictor.js';

/** Three weeks where "network" tickets missed and "mail" ones did not. */
async function trainedDesk() {
  const clock = createManualClock('2024-01-01T09:00:00.000Z');
  const desk = createDesk({ store: createMemoryStore(), clock });
  for (let i = 0; i < 60; i++) {
    clock.advance(3 * 3_600_000);
    const category = i % 2 ? 'network' : 'mail';
    await desk.submit({
      subject: `${category} trouble`,
      description: 'It does not work.',
      requester: { email: `user${i}@example.com` },
      category,
      fields: { missed: category === 'network' },
    });
  }
  const predictions = await createPredictions(desk, {
    outcome: (r) => (r.fields['missed'] === true ? 1 : 0),
    laterAges: [],
  });
  await predictions.refresh();
  return { desk, predictions };
}

describe('the risk condition of automation rules', () => {
  it('tags new tickets whose breach risk is high, and leaves the rest', async () => {
    const { desk, predictions } = await trainedDesk();
    const automation = createAutomation(desk, {
      risk: (id) => predictions.risk(id)?.risk ?? null,
      triggers: [
        {
          id: 'at-risk',
          on: ['ticket.submitted'],
          conditions: { all: [{ field: 'risk', op: 'gte', value: 0.5 }] },
          actions: [{ type: 'set', addTags: ['at-risk'] }],
        },
      ],
    });
    const submit = async (category: string) =>
      (
        await desk.submit({
          subject: `${category} again`,
          description: 'Still broken.',
          requester: { email: 'grace@example.com' },
          category,
        })
      ).ticket.id;
    const network = await submit('network');
    const mail = await submit('mail');
    await automation.idle();
    expect((await desk.get(network))!.tags).toContain('at-risk');
    expect((await desk.get(mail))!.tags).not.toContain('at-risk');
    predictions.stop();
  });

  it('refuses a rule on risk without a risk source, given or saved', async () => {
    const { desk, predictions } = await trainedDesk();
    const atRisk = {
      id: 'at-risk',
      on: ['ticket.submitted' as const],
      conditions: { all: [{ field: 'risk', op: 'gte' as const, value: 0 }] },
      actions: [{ type: 'set' as const, addTags: ['at-risk'] }],
    };
    const refused = expect.objectContaining({
      code: 'RISK_SOURCE_MISSING',
      details: { ruleIds: ['at-risk'], field: 'risk' },
    });
    expect(() => createAutomation(desk, { triggers: [atRisk] })).toThrow(
      refused,
    );
    const automation = createAutomation(desk);
    await expect(automation.save('triggers', [atRisk], 0)).rejects.toThrow(
      refused,
    );
    await expect(
      automation.save(
        'schedules',
        [
          {
            id: 'stale-risky',
            kind: 'escalate_stale',
            afterHours: 24,
            conditions: { any: [{ field: 'risk', op: 'gt', value: 0.5 }] },
            actions: [{ type: 'raise_priority' }],
          },
        ],
        0,
      ),
    ).rejects.toThrow(expect.objectContaining({ code: 'RISK_SOURCE_MISSING' }));
    // Nothing was saved: the lists are as they were.
    expect(automation.rules('triggers')).toEqual({ items: [], version: 0 });
    const withRisk = createAutomation(desk, {
      risk: (id) => predictions.risk(id)?.risk ?? null,
    });
    await expect(withRisk.save('triggers', [atRisk], 0)).resolves.toMatchObject(
      { version: 1 },
    );
    automation.close();
    withRisk.close();
    predictions.stop();
  });
});
