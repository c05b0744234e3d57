import { sqliteStore } from '@ticketry/adapters/sqlite';
import {
  type AuditEvent,
  computeMetrics,
  createMetrics,
  type MetricsReport,
  type TicketStore,
} from '@ticketry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayFile } from './replay-file.ts';
import { readSlaFile } from './sla-report.ts';
import { replayDesk, SERVICENOW_SAMPLE } from './test-support.ts';

const POLICY = new URL('./servicenow-sla.json', import.meta.url).pathname;

/** Every event of a store's change feed, in feed order. */
async function feedOf(store: TicketStore): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor = 0;
  for (;;) {
    const page = await store.readFeed(cursor, 2000);
    events.push(...page.events);
    if (page.events.length < 2000) return events;
    cursor = page.cursor;
  }
}

async function replaySample(options: Parameters<typeof replayDesk>[0] = {}) {
  const { desk, store } = replayDesk({
    closedReplyPolicy: 'reopen',
    ...options,
  });
  const report = await replayFile(desk, SERVICENOW_SAMPLE);
  return { desk, store, report, events: await feedOf(store) };
}

const sum = (rows: { resolved: number }[]) =>
  rows.reduce((n, r) => n + r.resolved, 0);

describe('metrics on the replayed ServiceNow sample', async () => {
  const { report, events, store, desk } = await replaySample();
  const metrics = computeMetrics(events);

  it('agree with the replay report on counts, resolution times and reopens', () => {
    expect(metrics.tickets).toBe(report.tickets);
    expect(metrics.events).toBe(report.events);
    const created = metrics.volume.day.reduce((n, d) => n + d.created, 0);
    expect(created).toBe(report.tickets);
    expect(sum(metrics.volume.day)).toBe(report.eventTypes['ticket.resolved']);
    expect(sum(metrics.volume.week)).toBe(report.eventTypes['ticket.resolved']);
    // Submit → latest resolve, over tickets resolved at least once.
    expect(metrics.resolution.calendarHours).toEqual({
      n: report.openToResolvedHours.n,
      mean: report.openToResolvedHours.mean,
      median: report.openToResolvedHours.median,
      p90: report.openToResolvedHours.p90,
      max: report.openToResolvedHours.max,
    });
    expect(metrics.reopen.reopened).toBe(report.reopenedTickets);
    expect(metrics.reopen.tickets).toBe(report.tickets);
    const open = Object.entries(report.finalStatus)
      .filter(
        ([status]) =>
          !['resolved', 'closed', 'cancelled', 'merged'].includes(status),
      )
      .reduce((n, [, count]) => n + count, 0);
    expect(metrics.backlog.open).toBe(open);
    expect(metrics.volume.day.at(-1)?.backlog).toBe(open);
  });

  it('give the same figures in any chunking as folding the whole log at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2500 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (sizes) => {
          const incremental = createMetrics();
          let at = 0;
          for (const size of sizes) {
            incremental.addAll(events.slice(at, at + size));
            at += size;
            // A report between chunks must not disturb what follows.
            incremental.report({ zone: 'Europe/Berlin' });
          }
          incremental.addAll(events.slice(at));
          expect(incremental.report()).toEqual(metrics);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('do not depend on how tickets interleave: per-ticket lists give the feed order figures', async () => {
    const byTicket = new Map<string, AuditEvent[]>();
    for (const e of events)
      byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
    const ticketByTicket = [...byTicket.keys()].reverse();
    const lists = await Promise.all(
      ticketByTicket.map((id) => desk.events(id)),
    );
    expect(computeMetrics(lists.flat())).toEqual(metrics);
    expect(store.backend).toBe('memory');
  });

  it('follow the filters: the priorities and channels partition the tickets', () => {
    const all = createMetrics();
    all.addAll(events);
    const parts = (
      ['critical', 'high', 'moderate', 'low', 'planning'] as const
    ).map((priority) => all.report({ priority }));
    const n = (r: MetricsReport) => r.resolution.calendarHours.n;
    expect(parts.reduce((t, r) => t + r.tickets, 0)).toBe(metrics.tickets);
    expect(parts.reduce((t, r) => t + n(r), 0)).toBe(n(metrics));
    const phone = all.report({ channel: 'phone' }).tickets;
    const other = (['web', 'email', 'import', 'api', 'chat'] as const).map(
      (channel) => all.report({ channel }).tickets,
    );
    expect(phone + other.reduce((a, b) => a + b, 0)).toBe(metrics.tickets);
  });

  it('are the same read back from SQLite', async () => {
    const sqlite = sqliteStore({ filename: ':memory:' });
    try {
      const { events: fromSqlite } = await replaySample({ store: sqlite });
      expect(computeMetrics(fromSqlite)).toEqual(metrics);
    } finally {
      await sqlite.close();
    }
  }, 60_000);
});

describe('SLA attainment on the replayed sample', async () => {
  const sla = await readSlaFile(POLICY);
  const { report, events } = await replaySample({ sla });
  const metrics = computeMetrics(events);
  const row = (target: string, by: string, key: string) =>
    metrics.sla.find(
      (a) => a.target === target && a.by === by && a.key === key,
    );

  it('equals the replay report per priority, for resolution and first response', () => {
    const figures = report.sla!;
    for (const [target, group] of [
      ['resolution', figures.resolution],
      ['firstResponse', figures.firstResponse],
    ] as const) {
      expect(row(target, 'all', 'all')).toMatchObject({
        met: group.all.met,
        missed: group.all.missed,
      });
      for (const [priority, a] of Object.entries(group.byPriority)) {
        if (a.met + a.missed === 0) continue;
        expect(row(target, 'priority', priority)).toMatchObject({
          met: a.met,
          missed: a.missed,
        });
      }
    }
    expect(
      metrics.sla.filter((a) => a.by === 'policy').map((a) => a.key),
    ).toEqual(
      figures.policies.map((p) => p.split('@')[0]).flatMap((p) => [p, p]),
    );
  });
});
