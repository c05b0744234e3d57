import { beforeAll, describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import { roundRobin, teamRules } from '../routing/index.js';
import { createRoutingService } from '../routing/service.js';
import { loadModel, saveModel } from './model-store.js';
import {
  createTextClassifier,
  type TextClassifier,
} from './text-classifier.js';
import { splitTicketTexts } from './ticket-texts.js';
import { createTriage } from './triage.js';

const { train, test } = splitTicketTexts();
let model: TextClassifier;

beforeAll(() => {
  model = createTextClassifier();
  model.train(train);
});

/** A later ticket the model is sure of, and one it is not. */
function sureAndUnsure(threshold: number) {
  const scored = test.map((r) => ({ r, c: model.classify(r.text) }));
  const sure = scored.find((s) => s.c.confidence >= threshold + 0.05)!;
  const unsure = scored.find((s) => s.c.confidence < threshold - 0.2)!;
  return { sure, unsure };
}

const submission = (text: string) => ({
  subject: text.split(' ').slice(0, 6).join(' '),
  description: text,
  requester: { email: 'kim@ops.example.com' },
});

describe('triage on submission', () => {
  it('applies a confident category as the system, with the reason on the event', async () => {
    const { desk } = await staffedDesk();
    const triage = await createTriage(desk, { model, threshold: 0.8 });
    const { sure } = sureAndUnsure(0.8);
    const { ticket } = await desk.submit(submission(sure.r.text));
    await triage.idle();

    const after = await desk.get(ticket.id);
    expect(after?.status).toBe('open');
    expect(after?.category).toBe(sure.c.label);
    expect(after?.priority).toBe('moderate');
    const events = await desk.events(ticket.id);
    const triaged = events.find((e) => e.type === 'ticket.triaged')!;
    expect(triaged.actor).toEqual({ role: 'system', id: null });
    expect(triaged.data?.reason).toMatch(/classifier: .* applied/);
    expect(triaged.data?.classification).toMatchObject({ label: sure.c.label });
    expect((await triage.getSuggestion(ticket.id))?.applied).toBe(true);
  });

  it('keeps an unsure category as a suggestion and leaves the ticket new', async () => {
    const { desk } = await staffedDesk();
    const triage = await createTriage(desk, { model, threshold: 0.8 });
    const { unsure } = sureAndUnsure(0.8);
    const { ticket } = await desk.submit(submission(unsure.r.text));
    await triage.idle();

    expect((await desk.get(ticket.id))?.status).toBe('new');
    expect(await desk.events(ticket.id)).toHaveLength(1);
    const s = await triage.getSuggestion(ticket.id);
    expect(s).toMatchObject({ applied: false, category: unsure.c.label });
    expect(s?.labels).toHaveLength(3);
    expect(s?.reason).toMatch(/below the threshold/);
  });

  it('applies rule fields first and names the rule', async () => {
    const { desk } = await staffedDesk();
    const triage = await createTriage(desk, {
      model,
      threshold: 0.99,
      rules: [
        {
          id: 'ops-outage',
          all: [{ field: 'requester.domain', equals: 'ops.example.com' }],
          any: [{ field: 'text', contains: ['outage', 'down'] }],
          set: {
            category: 'Outage',
            teamId: 'service-desk',
            impact: 'high',
            urgency: 'high',
            tags: ['ops'],
          },
        },
      ],
    });
    const { ticket } = await desk.submit(
      submission('mail server down for the whole floor'),
    );
    await triage.idle();
    const after = await desk.get(ticket.id);
    expect(after).toMatchObject({
      status: 'open',
      category: 'Outage',
      teamId: 'service-desk',
      priority: 'critical',
      tags: ['ops'],
    });
    const types = (await desk.events(ticket.id)).map((e) => e.type);
    expect(types).toEqual([
      'ticket.submitted',
      'ticket.triaged',
      'ticket.updated',
    ]);
    const s = await triage.getSuggestion(ticket.id);
    expect(s?.rules[0]?.ruleId).toBe('ops-outage');
    expect(s?.reason).toMatch(
      /^rule ops-outage \(requester.domain is ops.example.com; text contains "down"\)/,
    );
  });

  it('works beside a router: the ticket ends both categorised and assigned', async () => {
    const { desk } = await staffedDesk();
    const routing = createRoutingService(desk, {
      router: teamRules({
        rules: [],
        fallbackTeamId: 'service-desk',
        pick: roundRobin(),
      }),
    });
    const triage = await createTriage(desk, { model, threshold: 0.8 });
    const { sure } = sureAndUnsure(0.8);
    const { ticket } = await desk.submit(submission(sure.r.text));
    // Each may start more work on the other's event: settle both twice.
    for (let i = 0; i < 2; i++)
      await Promise.all([triage.idle(), routing.idle()]);
    const after = await desk.get(ticket.id);
    expect(after?.category).toBe(sure.c.label);
    expect(['ada', 'sam']).toContain(after?.assigneeId);
    routing.stop();
  });

  it('retrains on resolved tickets, saves the model and learns on resolve', async () => {
    const { desk, staff } = await staffedDesk();
    const triage = await createTriage(desk, { threshold: 1 });
    await expect(triage.retrain()).rejects.toThrow(/no resolved ticket/);
    const history = train.filter((_, i) => i % 10 === 0).slice(0, 60);
    for (const r of history) {
      const { ticket } = await desk.submit(submission(r.text));
      await desk.triage(
        ticket.id,
        { impact: 'low', urgency: 'low', category: r.label },
        { actor: staff.agent },
      );
      await desk.resolve(
        ticket.id,
        { code: 'fixed', note: 'Done.' },
        { actor: staff.agent },
      );
    }
    await triage.idle();
    // Each resolve above was learned on the fly, before any retrain.
    expect(triage.model.examples).toBe(history.length);

    const result = await triage.retrain();
    expect(result.examples).toBe(history.length);
    expect(new Set(result.labels)).toEqual(
      new Set(history.map((r) => r.label)),
    );
    const stored = await loadModel({ store: desk.store, siteId: desk.siteId });
    expect(stored?.examples).toBe(history.length);
    const again = await createTriage(desk);
    expect(again.model.classify(history[0]!.text)).toEqual(
      stored?.classify(history[0]!.text),
    );
    triage.stop();
    again.stop();
  });

  it('learns only from the tickets `learnsFrom` accepts, on resolve and in retrain', async () => {
    const { desk, staff } = await staffedDesk();
    const triage = await createTriage(desk, {
      threshold: 1,
      learnsFrom: (t) => !t.externalId,
    });
    const rows = train.filter((_, i) => i % 10 === 0).slice(0, 20);
    for (const [i, r] of rows.entries()) {
      const imported = i % 2 === 0;
      const { ticket } = await desk.submit({
        ...submission(r.text),
        ...(imported && { externalId: `INC${1000 + i}` }),
      });
      await desk.triage(
        ticket.id,
        { impact: 'low', urgency: 'low', category: r.label },
        { actor: staff.agent },
      );
      await desk.resolve(
        ticket.id,
        { code: 'fixed', note: 'Done.' },
        { actor: staff.agent },
      );
    }
    await triage.idle();
    expect(triage.model.examples).toBe(rows.length / 2);
    const result = await triage.retrain({ includeBase: false });
    expect(result.fromDesk).toBe(rows.length / 2);
    triage.stop();
  });

  it('stores a model under its own key', async () => {
    const { desk } = await staffedDesk();
    await saveModel(desk, model, 'it-texts');
    await saveModel(desk, model, 'it-texts');
    const back = await loadModel(desk, 'it-texts');
    expect(back?.labels).toEqual(model.labels);
    expect(await loadModel(desk, 'none')).toBeNull();
  });
});
