import {
  createDesk,
  createManualClock,
  createMemoryStore,
} from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { demoAutomation } from './demo-automation.ts';
import { demoPredictions } from './demo-predict.ts';
import { createLogger } from './log.ts';

/** Three weeks where network tickets missed their SLA (`madeSla`), mail ones made it. */
async function historyDesk() {
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
      fields: { madeSla: category === 'mail' },
    });
  }
  return desk;
}

describe('the demo automation and breach risk', () => {
  it('fires a rule on risk with the figure GET /tickets/:id/risk answers', async () => {
    const desk = await historyDesk();
    const log = createLogger({ quiet: true });
    // As the demo does: the automation first, the predictions after seeding.
    const automation = await demoAutomation(desk, log, 'demo-agent');
    const predictions = await demoPredictions(desk, log);
    try {
      await automation.save(
        'triggers',
        [
          {
            id: 'any-risk',
            on: ['ticket.submitted'],
            conditions: { all: [{ field: 'risk', op: 'gte', value: 0 }] },
            actions: [{ type: 'set', addTags: ['risk-scored'] }],
          },
        ],
        automation.rules('triggers').version,
      );
      const { ticket } = await desk.submit({
        subject: 'network again',
        description: 'Still broken.',
        requester: { email: 'grace@example.com' },
        category: 'network',
      });
      await automation.idle();
      const risk = predictions.risk(ticket.id)?.risk;
      expect(risk).toBeGreaterThanOrEqual(0);
      expect((await desk.get(ticket.id))!.tags).toContain('risk-scored');
    } finally {
      automation.close();
      predictions.stop();
    }
  });
});
