import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { compileCalendar } from '../sla/business-calendar.js';
import { computeMetrics, createMetrics } from './metrics.js';
import { metricsScenario } from './test-scenario.js';

async function scenarioEvents() {
  const env = await metricsScenario();
  const { events } = await env.store.readFeed(0, 1000);
  return { ...env, events };
}

const column = <T, K extends keyof T>(rows: T[], key: K) =>
  rows.map((r) => r[key]);

describe('metrics over a small desk in Berlin', () => {
  it('buckets creations, resolves and the backlog by Berlin days and Monday weeks', async () => {
    const { events, calendar } = await scenarioEvents();
    const r = computeMetrics(events, { zone: 'Europe/Berlin', calendar });
    expect(r.period).toEqual({
      from: '2024-03-03T23:00:00.000Z',
      to: '2024-03-08T23:00:00.000Z',
      zone: 'Europe/Berlin',
    });
    expect(column(r.volume.day, 'bucket')).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
    ]);
    expect(column(r.volume.day, 'created')).toEqual([2, 0, 1, 0, 0]);
    // T2's two resolves both count on Tuesday.
    expect(column(r.volume.day, 'resolved')).toEqual([1, 2, 0, 0, 0]);
    expect(column(r.volume.day, 'backlog')).toEqual([1, 0, 1, 1, 1]);
    expect(r.volume.week).toMatchObject([
      { bucket: '2024-03-04', created: 3, resolved: 3, backlog: 1 },
    ]);
  });

  it('measures first response and resolution in calendar and office hours', async () => {
    const { events, calendar } = await scenarioEvents();
    const r = computeMetrics(events, { zone: 'Europe/Berlin', calendar });
    // T1: 1 h to the reply, 3 h to the resolve, all within office hours.
    // T2: opened at 17:00 local, first answered by its resolve at 09:00
    // the next day (16 h, none of them office hours), resolved last at
    // 11:00 local (18 h, 2 office hours).
    expect(r.firstResponse.calendarHours).toMatchObject({
      n: 2,
      median: 8.5,
      max: 16,
    });
    expect(r.firstResponse.businessHours).toMatchObject({
      n: 2,
      median: 0.5,
      max: 1,
    });
    expect(r.resolution.calendarHours).toMatchObject({
      n: 2,
      median: 10.5,
      p90: 16.5,
    });
    expect(r.resolution.businessHours).toMatchObject({
      n: 2,
      median: 2.5,
      max: 3,
    });
  });

  it('counts SLA targets met, and breached by the tick, per policy, priority and team', async () => {
    const { events, calendar } = await scenarioEvents();
    const r = computeMetrics(events, { zone: 'Europe/Berlin', calendar });
    const row = (target: string, by: string, key: string) =>
      r.sla.find((a) => a.target === target && a.by === by && a.key === key);
    expect(row('resolution', 'all', 'all')).toMatchObject({
      met: 2,
      missed: 1,
    });
    expect(row('resolution', 'policy', 'standard')?.share).toBeCloseTo(2 / 3);
    // T3 was never triaged (no team); its escalation raised it to high.
    expect(row('resolution', 'team', 'none')).toMatchObject({
      met: 0,
      missed: 1,
    });
    expect(row('firstResponse', 'priority', 'high')).toMatchObject({
      met: 0,
      missed: 1,
    });
    const breaches = events.filter((e) => e.type === 'ticket.sla_breached');
    const missed = r.sla
      .filter((a) => a.by === 'all')
      .reduce((n, a) => n + a.missed, 0);
    expect(missed).toBe(breaches.length);
  });

  it('reports reopens, reassignments, satisfaction, backlog age and workload', async () => {
    const { events, calendar } = await scenarioEvents();
    const r = computeMetrics(events, { zone: 'Europe/Berlin', calendar });
    expect(r.reopen).toEqual({
      tickets: 3,
      resolved: 2,
      reopened: 1,
      rate: 0.5,
    });
    expect(r.reassignment).toMatchObject({ tickets: 3, total: 1 });
    expect(r.reassignment.perTicket.mean).toBeCloseTo(1 / 3);
    expect(r.satisfaction).toMatchObject({
      resolved: 2,
      rated: 2,
      responseRate: 1,
      average: 3.5,
      distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
    });
    // T3, opened Wednesday 09:00 local, is open at Friday's end: 63 h old.
    expect(r.backlog.open).toBe(1);
    expect(r.backlog.ageHours.median).toBe(63);
    expect(r.backlog.age.find((a) => a.age === '1-3d')?.tickets).toBe(1);
    expect(r.workload.agents).toEqual([
      { id: 'ada', openAssigned: 0, resolved: 1 },
      { id: 'sam', openAssigned: 0, resolved: 2 },
    ]);
  });

  it('filters by channel, priority, team and period', async () => {
    const { events } = await scenarioEvents();
    const metrics = createMetrics({ zone: 'Europe/Berlin' });
    metrics.addAll(events);
    expect(metrics.report({ channel: 'email' }).tickets).toBe(1);
    expect(
      metrics.report({ priority: 'moderate' }).resolution.calendarHours.n,
    ).toBe(1);
    expect(metrics.report({ teamId: 'service-desk' }).backlog.open).toBe(0);
    const monday = metrics.report({
      from: '2024-03-04T00:00:00+01:00',
      to: '2024-03-05T00:00:00+01:00',
    });
    expect(column(monday.volume.day, 'created')).toEqual([2]);
    // At Monday's end T2 was open and T1 was resolved.
    expect(monday.backlog.open).toBe(1);
    expect(monday.resolution.calendarHours.n).toBe(1);
  });

  it('puts an event after 23:00 UTC on the next day in Berlin but not in UTC', async () => {
    const { events } = await scenarioEvents();
    const at = '2024-03-04T23:30:00.000Z';
    const [first, ...rest] = events;
    const late = [
      { ...first!, at, changes: { ...first!.changes, createdAt: at } },
      ...rest,
    ];
    const created = (zone: string) =>
      computeMetrics(late, { zone }).volume.day.find(
        (d) => d.bucket === '2024-03-05',
      )?.created;
    expect(created('Europe/Berlin')).toBe(1);
    expect(created('UTC')).toBe(0);
  });

  it('ignores repeated, foreign and orphan events', async () => {
    const { events } = await scenarioEvents();
    const metrics = createMetrics({ siteId: 'default' });
    metrics.addAll(events);
    const before = metrics.report();
    expect(metrics.add(events[3]!)).toBe(false);
    expect(metrics.add({ ...events[0]!, siteId: 'other' })).toBe(false);
    expect(metrics.add({ ...events[1]!, ticketId: 'never-submitted' })).toBe(
      false,
    );
    expect(metrics.counts).toMatchObject({
      folded: events.length,
      ignored: 3,
      tickets: 3,
    });
    expect(metrics.report()).toEqual(before);
  });

  it('waits for the missing version when the events of a ticket come out of order', async () => {
    const { events } = await scenarioEvents();
    const [submit, triage, assign, ...rest] = events;
    const metrics = createMetrics();
    metrics.addAll([submit!, assign!]);
    expect(metrics.counts).toMatchObject({ folded: 1, ignored: 1 });
    metrics.addAll([triage!, assign!, ...rest]);
    expect(metrics.report()).toEqual(computeMetrics(events));
  });

  it('refuses a bad query with VALIDATION_FAILED naming the field', () => {
    const metrics = createMetrics();
    const bad = [
      [{ zone: 'Mars/Olympus' }, 'zone'],
      [{ from: 'yesterday' }, 'from'],
      [{ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }, 'to'],
      [{ priority: 'urgent' }, 'priority'],
      [{ colour: 'red' }, ''],
    ] as const;
    for (const [query, path] of bad) {
      const call = () => metrics.report(query as never);
      expect(call).toThrow(ValidationError);
      try {
        call();
      } catch (error) {
        const issue = (error as ValidationError).issues[0]!;
        expect(issue.path.join('.')).toBe(path);
      }
    }
    expect(() => createMetrics({ zone: 'Nowhere/Town' })).toThrow(
      /unknown time zone/,
    );
  });

  it('takes a compiled calendar as well as its definition', async () => {
    const { events, calendar } = await scenarioEvents();
    const a = computeMetrics(events, { calendar });
    const b = computeMetrics(events, { calendar: compileCalendar(calendar) });
    expect(a.resolution.businessHours).toEqual(b.resolution.businessHours);
    const around = computeMetrics(events).resolution;
    expect(around.businessHours).toEqual(around.calendarHours);
  });
});

describe('a period that starts or ends inside a bucket', () => {
  it('counts only what happened inside the period, in the partial buckets too', async () => {
    const { events } = await scenarioEvents();
    // Monday 12:00 to Tuesday 09:30 Berlin: T1's resolve (12:00, the
    // start is inclusive), T2's submit and first resolve are inside;
    // T1's submit (09:00) and T2's last resolve (11:00 Tuesday) are not.
    const r = computeMetrics(
      events,
      { zone: 'Europe/Berlin' },
      {
        from: '2024-03-04T12:00:00+01:00',
        to: '2024-03-05T09:30:00+01:00',
      },
    );
    expect(r.volume.day.map((d) => [d.bucket, d.created, d.resolved])).toEqual([
      ['2024-03-04', 1, 1],
      ['2024-03-05', 0, 1],
    ]);
    expect(r.volume.week).toMatchObject([
      { bucket: '2024-03-04', created: 1, resolved: 2 },
    ]);
  });
});
