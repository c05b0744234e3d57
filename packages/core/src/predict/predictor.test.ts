import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import type { Actor } from '../schemas/common.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createParentForAlert } from './parent.js';
import { createPredictions, RISK_MODEL_RECORD } from './predictor.js';
import type { RiskFacts } from './risk-facts.js';

const ada: Actor = { role: 'agent', id: 'ada' };
const PER_WEEKDAY = [1, 6, 5, 5, 4, 4, 1]; // Sunday … Saturday

/**
 * A desk with five weeks of history: a weekly pattern of arrivals in
 * two categories; "network" tickets are marked as having missed.
 */
async function historyDesk() {
  const clock = createManualClock('2024-01-01T00:00:00.000Z'); // a Monday
  const store = createMemoryStore();
  const desk = createDesk({ store, clock });
  await desk.createTeam({ id: 'desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['desk'],
  });
  for (let day = 0; day < 35; day++) {
    const n = PER_WEEKDAY[(day + 1) % 7]!;
    for (let i = 0; i < n; i++) {
      clock.set(new Date(Date.UTC(2024, 0, 1 + day, 9 + i)));
      const category = i % 2 ? 'network' : 'mail';
      await desk.submit({
        subject: `${category} trouble ${day}-${i}`,
        description: 'It does not work.',
        requester: { email: `user${i}@example.com` },
        category,
        fields: { missed: category === 'network' },
      });
    }
  }
  clock.set(new Date(Date.UTC(2024, 0, 36, 8)));
  return { desk, clock, store };
}

const missedField = (risk: RiskFacts) =>
  risk.fields['missed'] === true ? 1 : 0;

describe('predictions on a desk', () => {
  it('forecast the next days from the audit log, overall and per category', async () => {
    const { desk } = await historyDesk();
    const predictions = await createPredictions(desk);
    const all = predictions.forecast({ days: 7 });
    expect(all.from).toBe('2024-02-05');
    const series = all.series[0]!;
    expect(series.key).toBe('*');
    // Every past week was the same, so the forecast repeats it.
    expect(series.days.map((d) => d.expected)).toEqual([6, 5, 5, 4, 4, 1, 1]);
    expect(series.week!.expected).toBe(26);
    const split = predictions.forecast({ days: 3, by: 'category' });
    expect(split.series.map((s) => s.key).sort()).toEqual(['mail', 'network']);
    predictions.stop();
  });

  it('train breach risk, store the model and rank the open queue', async () => {
    const { desk, store } = await historyDesk();
    const predictions = await createPredictions(desk, {
      outcome: missedField,
      laterAges: [],
    });
    expect(predictions.riskQueue()).toEqual([]);
    const trained = await predictions.refresh();
    expect(trained.stored).toBe(true);
    const record = await store.getRecord(
      'default',
      RISK_MODEL_RECORD.kind,
      RISK_MODEL_RECORD.key,
    );
    expect(record?.value).toEqual(predictions.model);

    const queue = predictions.riskQueue(200);
    expect(queue.length).toBeGreaterThan(100);
    for (let i = 1; i < queue.length; i++)
      expect(queue[i - 1]!.risk).toBeGreaterThanOrEqual(queue[i]!.risk);
    const top = await desk.core.load(queue[0]!.ticketId);
    expect(top.category).toBe('network');

    // A second instance starts from the stored model, without training.
    const again = await createPredictions(desk);
    expect(again.risk(queue[0]!.ticketId)?.risk).toBeCloseTo(queue[0]!.risk, 6);
    predictions.stop();
    again.stop();
  });

  it('retrain on its schedule and store the model without being asked', async () => {
    const { desk, store } = await historyDesk();
    const predictions = await createPredictions(desk, {
      outcome: missedField,
      laterAges: [],
      refreshEveryMs: 50,
    });
    const read = () =>
      store.getRecord('default', RISK_MODEL_RECORD.kind, RISK_MODEL_RECORD.key);
    expect(await read()).toBeNull();
    await vi.waitFor(async () => expect(await read()).not.toBeNull(), {
      timeout: 5000,
    });
    predictions.stop();
  });

  it('raise a possible incident on a surge and open its parent on request', async () => {
    const { desk, clock } = await historyDesk();
    const predictions = await createPredictions(desk, {
      surges: { threshold: 4 },
    });
    const spike: string[] = [];
    for (let i = 0; i < 12; i++) {
      clock.set(new Date(Date.UTC(2024, 0, 36, 9, i * 5)));
      const { ticket } = await desk.submit({
        subject: 'mail bounces',
        description: 'Mail bounces.',
        requester: { email: `spike${i}@example.com` },
        category: 'mail',
      });
      spike.push(ticket.id);
    }
    clock.set(new Date(Date.UTC(2024, 0, 36, 11)));
    const [alert] = predictions.alerts();
    expect(alert).toMatchObject({ by: 'category', key: 'mail' });
    expect(alert!.ticketIds).toEqual(
      expect.arrayContaining(spike.slice(0, 10)),
    );
    expect(alert!.observed).toBeGreaterThan(alert!.expected * 2);

    const { parent, children } = await createParentForAlert(desk, alert!, {
      actor: ada,
    });
    const child = await desk.core.load(children[0]!);
    expect(child.links).toContainEqual({
      type: 'child_of',
      ticketId: parent.id,
    });
    const reread = await desk.core.load(parent.id);
    expect(reread.links.filter((l) => l.type === 'parent_of')).toHaveLength(
      children.length,
    );
    predictions.stop();
  });

  it("forecast and score as of an old history's end with asOf 'auto', and say so", async () => {
    const { desk, clock } = await historyDesk();
    const {
      items: [first],
    } = await desk.list({ limit: 1 });
    // A year later: one history ticket is closed, one new one comes in.
    clock.set(new Date(Date.UTC(2025, 1, 3, 9)));
    await desk.assign(
      first!.id,
      { assigneeId: 'ada', teamId: 'desk' },
      {
        actor: ada,
      },
    );
    await desk.start(first!.id, {}, { actor: ada });
    await desk.resolve(
      first!.id,
      { code: 'fixed', note: 'Done.' },
      {
        actor: ada,
      },
    );
    const { ticket: fresh } = await desk.submit({
      subject: 'mail trouble again',
      description: 'It does not work.',
      requester: { email: 'late@example.com' },
      category: 'mail',
    });
    const predictions = await createPredictions(desk, {
      outcome: missedField,
      laterAges: [],
      asOf: 'auto',
    });
    const forecast = predictions.forecast({ days: 7 });
    expect(forecast).toMatchObject({
      from: '2024-02-05',
      asOf: '2024-02-05T00:00:00.000Z',
      basis: 'history',
    });
    expect(forecast.series[0]!.days.map((d) => d.expected)).toEqual([
      6, 5, 5, 4, 4, 1, 1,
    ]);

    await predictions.refresh();
    const queue = predictions.riskQueue(500);
    const ids = queue.map((r) => r.ticketId);
    // Open at the history's end, though closed since; and the new one.
    expect(ids).toContain(first!.id);
    expect(ids).toContain(fresh.id);
    const old = queue.find((r) => r.ticketId === first!.id)!;
    expect(old.asOf).toBe('2024-02-05T00:00:00.000Z');
    expect(old.ageHours).toBeLessThanOrEqual(35 * 24);
    const now = queue.find((r) => r.ticketId === fresh.id)!;
    expect(now.asOf).toBe(clock.now().toISOString());

    const plain = await createPredictions(desk, { outcome: missedField });
    expect(plain.forecast().basis).toBe('now');
    expect(plain.riskQueue(500).map((r) => r.ticketId)).not.toContain(
      first!.id,
    );
    predictions.stop();
    plain.stop();
  });

  it('raise nothing on the steady history', async () => {
    const { desk } = await historyDesk();
    const predictions = await createPredictions(desk, {
      surges: { threshold: 4, warmupDays: 7 },
    });
    expect(predictions.alerts()).toEqual([]);
    predictions.stop();
  });
});
