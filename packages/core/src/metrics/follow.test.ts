import { describe, expect, it } from 'vitest';
import { followDesk } from './follow.js';
import { computeMetrics } from './metrics.js';
import { metricsScenario } from './test-scenario.js';

describe('following a desk', () => {
  it('catches up with the log, then folds each new event as the desk commits it', async () => {
    const { desk, clock, store, ada } = await metricsScenario();
    const followed = await followDesk(desk, { zone: 'Europe/Berlin' });
    const before = followed.metrics.report();
    expect(before.tickets).toBe(3);

    clock.set('2024-03-11T08:00:00Z');
    const { ticket } = await desk.submit({
      subject: 'Printer jam',
      description: 'Tray 2.',
      requester: { email: 'lin@example.com' },
    });
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low', teamId: 'service-desk' },
      ada,
    );
    const after = followed.metrics.report();
    expect(after.tickets).toBe(4);
    expect(after.volume.week.at(-1)).toMatchObject({
      bucket: '2024-03-11',
      created: 1,
    });

    // The live figures equal a fresh fold of the whole feed.
    const { events } = await store.readFeed(0, 1000);
    expect(after).toEqual(computeMetrics(events, { zone: 'Europe/Berlin' }));
    // Reading on finds only what was already heard live.
    expect(await followed.catchUp()).toBe(0);
    expect(followed.cursor).toBe(events.at(-1)!.seq);

    followed.stop();
    await desk.resolve(
      ticket.id,
      { code: 'fixed', note: 'Cleared' },
      { actor: { role: 'supervisor', id: 'sam' } },
    );
    expect(followed.metrics.report().volume.week.at(-1)?.resolved).toBe(0);
    expect(await followed.catchUp()).toBe(1);
    expect(followed.metrics.report().volume.week.at(-1)?.resolved).toBe(1);
  });

  it('reads from a cursor in pages, skipping what came before', async () => {
    const { desk, store } = await metricsScenario();
    const { events } = await store.readFeed(0, 1000);
    const cut = events.findIndex(
      (e) => e.type === 'ticket.submitted' && e.seq > 1,
    );
    const followed = await followDesk(desk, {
      cursor: events[cut - 1]!.seq,
      pageSize: 2,
    });
    expect(followed.metrics.counts.folded).toBe(events.length - cut);
    expect(followed.metrics.report().tickets).toBe(2);
    followed.stop();
  });
});
