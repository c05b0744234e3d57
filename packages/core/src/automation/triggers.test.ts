import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { staffedDesk } from '../../test/desk-fixture.js';
import {
  createAutomation,
  markerOf,
  type Notice,
  type RuleRun,
} from '../index.js';

const DATA = new URL(
  '../../../../data/it-service-tickets-text/it_service_tickets_sample_250_per_class.csv',
  import.meta.url,
);

/** The first `n` rows of the real IT ticket sample: text and label. */
function realTickets(n: number) {
  const lines = readFileSync(DATA, 'utf8')
    .split('\n')
    .slice(1, n + 1);
  return lines.map((line) => {
    const parts = line.split(',');
    return { text: parts.slice(1, -1).join(','), label: parts.at(-1)! };
  });
}

const asSubmission = (text: string, i: number) => ({
  subject: text.slice(0, 60).trim() || `ticket ${i}`,
  description: text.slice(0, 2000),
  requester: { email: `user${i}@example.com` },
});

describe('event triggers', () => {
  it('act on the real tickets whose text matches, and only on those', async () => {
    const { desk } = await staffedDesk();
    await desk.createTeam({ id: 'identity', name: 'Identity' });
    const automation = createAutomation(desk, {
      triggers: [
        {
          id: 'passwords',
          on: ['ticket.submitted'],
          conditions: {
            any: [{ field: 'text', op: 'contains', value: 'password' }],
          },
          actions: [
            {
              type: 'set',
              impact: 'low',
              urgency: 'medium',
              teamId: 'identity',
              addTags: ['password'],
            },
            { type: 'note', template: 'Routed {{ticket.ref}} to identity.' },
          ],
        },
      ],
    });
    const rows = realTickets(60);
    const ids: string[] = [];
    for (const [i, row] of rows.entries()) {
      ids.push((await desk.submit(asSubmission(row.text, i))).ticket.id);
    }
    await automation.idle();

    const expected = rows.map((r, i) =>
      `${asSubmission(r.text, i).subject}\n${asSubmission(r.text, i).description}`
        .toLowerCase()
        .includes('password'),
    );
    expect(expected.filter(Boolean).length).toBeGreaterThan(2);
    expect(expected.some((e) => !e)).toBe(true);
    for (const [i, id] of ids.entries()) {
      const t = (await desk.get(id))!;
      expect(t.teamId === 'identity', rows[i]!.text).toBe(expected[i]);
      expect(t.tags.includes('password')).toBe(expected[i]);
      if (!expected[i]) continue;
      const events = await desk.events(id);
      const auto = events.filter((e) => markerOf(e));
      expect(auto.map((e) => e.type)).toEqual([
        'ticket.triaged',
        'ticket.updated',
        'ticket.noted',
      ]);
      expect(auto.every((e) => e.actor.role === 'system')).toBe(true);
      expect(markerOf(auto[0]!)).toEqual({
        ruleId: 'passwords',
        kind: 'trigger',
        depth: 1,
      });
      expect(auto[2]!.data?.body).toBe(`Routed ${t.ref} to identity.`);
    }
  });

  it('match on event data and changed fields, and notify with a filled template', async () => {
    const { desk, staff } = await staffedDesk();
    const notices: Notice[] = [];
    const automation = createAutomation(desk, {
      notify: (n) => {
        notices.push(n);
      },
      triggers: [
        {
          id: 'critical-page',
          on: ['ticket.updated', 'ticket.triaged'],
          conditions: {
            all: [
              { field: 'ticket.priority', op: 'changed' },
              {
                field: 'ticket.priority',
                op: 'in',
                value: ['critical', 'high'],
              },
            ],
          },
          actions: [
            {
              type: 'notify',
              to: ['on-call'],
              template: '{{ticket.ref}} is {{ticket.priority}}',
            },
          ],
        },
      ],
    });
    const { ticket } = await desk.submit(asSubmission('printer offline', 1));
    await desk.update(
      ticket.id,
      { subject: 'printer offline again' },
      { actor: staff.agent },
    );
    await desk.triage(
      ticket.id,
      { impact: 'low', urgency: 'low' },
      { actor: staff.agent },
    );
    await automation.idle();
    expect(notices).toHaveLength(0);
    await desk.update(
      ticket.id,
      { priority: 'critical', priorityReason: 'CEO' },
      { actor: staff.agent },
    );
    await automation.idle();
    expect(notices.map((n) => [n.to, n.message])).toEqual([
      [['on-call'], `${ticket.ref} is critical`],
    ]);
  });

  it('note a refused action and still run the rest', async () => {
    const { desk } = await staffedDesk();
    const runs: RuleRun[] = [];
    const automation = createAutomation(desk, {
      onRun: (r) => runs.push(r),
      triggers: [
        {
          id: 'welcome',
          on: ['ticket.submitted'],
          actions: [
            { type: 'assign', assigneeId: 'nobody' },
            { type: 'reply', template: 'We have your request {{ticket.ref}}.' },
            { type: 'note', template: 'auto-acknowledged' },
          ],
        },
      ],
    });
    const { ticket } = await desk.submit(asSubmission('vpn down', 2));
    await automation.idle();
    const outcomes = runs[0]!.outcomes;
    expect(outcomes.map((o) => o.applied)).toEqual([false, false, true]);
    expect(outcomes[1]!.detail).toMatch(/agent to send it as/);
    expect((await desk.get(ticket.id))!.version).toBe(2);
  });

  it('reply as the agent the rule names, counting as first response', async () => {
    const { desk } = await staffedDesk();
    const automation = createAutomation(desk, {
      replyAs: 'ada',
      triggers: [
        {
          id: 'ack',
          on: ['ticket.submitted'],
          actions: [
            {
              type: 'reply',
              template: 'Thanks, we logged {{ticket.ref}}: {{ticket.subject}}',
            },
          ],
        },
      ],
    });
    const { ticket } = await desk.submit(asSubmission('mouse broken', 3));
    await automation.idle();
    const events = await desk.events(ticket.id);
    expect(events[1]!.actor).toEqual({ role: 'agent', id: 'ada' });
    expect(events[1]!.data?.body).toBe(
      `Thanks, we logged ${ticket.ref}: mouse broken`,
    );
    expect((await desk.get(ticket.id))!.firstResponseAt).not.toBeNull();
  });
});

describe('the loop guard', () => {
  it('never re-fires a trigger on its own events', async () => {
    const { desk, staff } = await staffedDesk();
    const runs: RuleRun[] = [];
    const automation = createAutomation(desk, {
      onRun: (r) => runs.push(r),
      triggers: [
        {
          id: 'echo',
          on: ['ticket.noted'],
          actions: [{ type: 'note', template: 'echo' }],
        },
      ],
    });
    const { ticket } = await desk.submit(asSubmission('disk full', 4));
    await desk.note(ticket.id, { body: 'looking' }, { actor: staff.agent });
    await automation.idle();
    expect(runs.filter((r) => !r.skipped)).toHaveLength(1);
    expect(
      (await desk.events(ticket.id)).map((e) => e.data?.body ?? null),
    ).toEqual([null, 'looking', 'echo']);
  });

  it('stops two triggers that set each other off at the depth limit', async () => {
    const { desk, staff } = await staffedDesk();
    const runs: RuleRun[] = [];
    const ping = (id: string) => ({
      id,
      on: ['ticket.noted'],
      actions: [{ type: 'note' as const, template: id }],
    });
    const automation = createAutomation(desk, {
      onRun: (r) => runs.push(r),
      loopGuard: { maxDepth: 4 },
      triggers: [ping('ping'), ping('pong')],
    });
    const { ticket } = await desk.submit(asSubmission('loop', 5));
    await desk.note(ticket.id, { body: 'start' }, { actor: staff.agent });
    await automation.idle();
    const notes = (await desk.events(ticket.id)).filter(
      (e) => e.type === 'ticket.noted',
    );
    const depths = notes.map((e) => markerOf(e)?.depth ?? 0);
    expect(Math.max(...depths)).toBe(4);
    expect(notes.length).toBeLessThan(40);
    expect(runs.some((r) => r.skipped === 'depth')).toBe(true);
  });

  it('holds a trigger back after its per-ticket budget within the window', async () => {
    const { desk, staff, clock } = await staffedDesk();
    const runs: RuleRun[] = [];
    const automation = createAutomation(desk, {
      onRun: (r) => runs.push(r),
      loopGuard: { perTicket: 3, windowMs: 60_000 },
      triggers: [
        {
          id: 'tag-on-update',
          on: ['ticket.updated'],
          actions: [{ type: 'notify', to: ['x'], template: 'u' }],
        },
      ],
      notify: () => {},
    });
    const { ticket } = await desk.submit(asSubmission('budget', 6));
    for (let i = 0; i < 5; i++) {
      await desk.update(
        ticket.id,
        { subject: `budget ${i}` },
        { actor: staff.agent },
      );
    }
    await automation.idle();
    expect(runs.map((r) => r.skipped ?? 'fired')).toEqual([
      'fired',
      'fired',
      'fired',
      'budget',
      'budget',
    ]);
    clock.advance(61_000);
    await desk.update(
      ticket.id,
      { subject: 'budget later' },
      { actor: staff.agent },
    );
    await automation.idle();
    expect(runs.at(-1)!.skipped).toBeUndefined();
  });

  it('set a priority over the one triage works out, in one action', async () => {
    const { desk } = await staffedDesk();
    const automation = createAutomation(desk, {
      triggers: [
        {
          id: 'vip',
          on: ['ticket.submitted'],
          conditions: {
            all: [{ field: 'ticket.fields.vip', op: 'eq', value: true }],
          },
          actions: [
            {
              type: 'set',
              impact: 'low',
              urgency: 'low',
              priority: 'critical',
            },
            {
              type: 'note',
              template: 'VIP {{ticket.fields.vip}} {{ticket.priority}}',
            },
          ],
        },
      ],
    });
    const vip = await desk.submit({
      ...asSubmission('vip', 8),
      fields: { vip: true },
    });
    const plain = await desk.submit(asSubmission('plain', 9));
    await automation.idle();
    const t = (await desk.get(vip.ticket.id))!;
    expect([t.impact, t.priority, t.priorityReason]).toEqual([
      'low',
      'critical',
      'automation rule vip',
    ]);
    const note = (await desk.events(t.id)).at(-1)!;
    expect(note.data?.body).toBe('VIP true critical');
    expect((await desk.get(plain.ticket.id))!.version).toBe(1);
  });

  it('does not write an event when a set action changes nothing', async () => {
    const { desk } = await staffedDesk();
    const automation = createAutomation(desk, {
      triggers: [
        {
          id: 'tagger',
          on: ['ticket.updated', 'ticket.submitted'],
          actions: [{ type: 'set', addTags: ['seen'] }],
        },
      ],
    });
    const { ticket } = await desk.submit(asSubmission('tags', 7));
    await automation.idle();
    const events = await desk.events(ticket.id);
    expect(events.map((e) => e.type)).toEqual([
      'ticket.submitted',
      'ticket.updated',
    ]);
  });
});

describe('rules', () => {
  it('refuse unknown placeholders, duplicate ids and non-http webhooks', () => {
    const make = (triggers: unknown[]) => () =>
      createAutomation({ core: { subscribe: () => () => {} } } as never, {
        triggers: triggers as never,
      });
    expect(
      make([
        {
          id: 'a',
          on: ['ticket.submitted'],
          actions: [{ type: 'note', template: '{{ticket.description}}' }],
        },
      ]),
    ).toThrow(/placeholder/);
    const ok = {
      id: 'a',
      on: ['ticket.submitted'],
      actions: [{ type: 'note', template: 'x' }],
    };
    expect(make([ok, ok])).toThrow(/unique/);
    expect(
      make([
        { ...ok, actions: [{ type: 'webhook', url: 'file:///etc/passwd' }] },
      ]),
    ).toThrow();
    expect(
      make([
        {
          ...ok,
          actions: [{ type: 'webhook', url: 'https://u:p@example.com/x' }],
        },
      ]),
    ).toThrow(/credentials/);
    expect(make([{ ...ok, on: ['ticket.nope'] }])).toThrow();
  });
});
