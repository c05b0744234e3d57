import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AuditEvent, TicketStore } from '@ticketry/core';
import { createDesk, createMemoryStore } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { createReplayClock } from './replay-clock.ts';
import { replayFile } from './replay-file.ts';
import { figuresFromEvents } from './report.ts';
import {
  HELPDESK_LOG,
  replayDesk,
  SERVICENOW_SAMPLE,
  writeTemp,
} from './test-support.ts';

/** Every event in the store, grouped per ticket, through the feed. */
async function feedByTicket(store: TicketStore) {
  const byTicket = new Map<string, AuditEvent[]>();
  let cursor = 0;
  for (;;) {
    const page = await store.readFeed(cursor, 5000);
    if (page.events.length === 0) break;
    cursor = page.cursor;
    for (const e of page.events) {
      const list = byTicket.get(e.ticketId) ?? [];
      list.push(e);
      byTicket.set(e.ticketId, list);
    }
  }
  return byTicket;
}

/** The first `cases` cases of the helpdesk log, as a new CSV file. */
function helpdeskSlice(cases: number): string {
  const [header, ...lines] = readFileSync(HELPDESK_LOG, 'utf8')
    .trim()
    .split('\n');
  const kept = new Set<string>();
  const out = [header!];
  for (const line of lines) {
    const id = line.slice(0, line.indexOf(','));
    if (!kept.has(id) && kept.size === cases) continue;
    kept.add(id);
    out.push(line);
  }
  return writeTemp('helpdesk-slice.csv', out.join('\n') + '\n');
}

describe('replaying the ServiceNow sample', async () => {
  const { desk, store } = replayDesk({ closedReplyPolicy: 'reopen' });
  const report = await replayFile(desk, SERVICENOW_SAMPLE);

  it('makes one ticket per incident, guessing the mapping', () => {
    expect(report.mapping).toBe('servicenow');
    expect(report.rows).toBe(5611);
    expect(report.cases).toBe(984);
    expect(report.tickets).toBe(984);
  });

  it('computes its figures from the events the store gives back', async () => {
    const feed = await feedByTicket(store);
    const { timings: _, ...fromReport } = report;
    expect(figuresFromEvents(feed.values())).toEqual(
      expect.objectContaining({
        tickets: fromReport.tickets,
        events: fromReport.events,
        finalStatus: fromReport.finalStatus,
        openToResolvedHours: fromReport.openToResolvedHours,
        resolveToCloseHistogram: fromReport.resolveToCloseHistogram,
      }),
    );
    expect(report.events).toBe(report.commands.accepted);
  });

  it('finds the open → resolved median near the published 22.1 h', () => {
    const median = report.openToResolvedHoursRecorded.median!;
    expect(median).toBeGreaterThan(15);
    expect(median).toBeLessThan(30);
    expect(report.openToResolvedHoursRecorded.n).toBeLessThan(
      report.openToResolvedHours.n,
    );
  });

  it('closes most resolved incidents five to six days later', () => {
    expect(report.closeFiveToSixDaysShare!).toBeGreaterThan(0.8);
    expect(report.resolveToCloseDaysRecorded.median!).toBeCloseTo(5, 0);
  });

  it('counts refused commands by reason, with examples', () => {
    const groups = Object.entries(report.refusals);
    const total = groups.reduce((sum, [, g]) => sum + g.count, 0);
    expect(total).toBe(report.commands.refused);
    expect(report.commands.sent).toBe(
      report.commands.accepted + report.commands.refused,
    );
    for (const [reason, group] of groups) {
      expect(reason).toMatch(/^[A-Z_]+: [a-z]+ in [a-z_]+$/);
      expect(group.examples.length).toBeGreaterThan(0);
      expect(group.examples.length).toBeLessThanOrEqual(3);
    }
    // An Active incident nobody is assigned to cannot start here.
    expect(
      report.refusals['TRANSITION_NOT_ALLOWED: start in open']?.count,
    ).toBeGreaterThan(0);
  });

  it('ends nearly every incident closed, as the log does', () => {
    expect(report.finalStatus['closed']! / report.tickets).toBeGreaterThan(
      0.99,
    );
    expect(report.reopenShare).toBeGreaterThan(0.005);
    expect(report.reopenShare).toBeLessThan(0.03);
  });

  it('imports nothing twice when run again into the same store', async () => {
    const again = await replayFile(desk, SERVICENOW_SAMPLE);
    expect(again.alreadyImported).toBe(984);
    expect(again.commands.sent).toBe(0);
    expect(again.tickets).toBe(984);
    expect(again.events).toBe(report.events);
  });
});

describe('replaying a slice of the helpdesk log', async () => {
  const file = helpdeskSlice(400);
  const { desk } = replayDesk();
  const report = await replayFile(desk, file);

  it('makes one ticket per case, and a follow-up per reopened closed one', () => {
    // The desk's default closedReplyPolicy is 'new_ticket'.
    expect(report.mapping).toBe('helpdesk');
    expect(report.cases).toBe(400);
    expect(report.followUps).toBeGreaterThan(0);
    expect(report.tickets).toBe(400 + report.followUps);
  });

  it('closes about 30 days after the last resolve, as the log does', () => {
    const median = report.resolveToCloseDays.median!;
    expect(median).toBeGreaterThan(20);
    expect(median).toBeLessThan(40);
  });

  it('counts repeated resolves as refusals, not failures', () => {
    expect(
      report.refusals['TRANSITION_NOT_ALLOWED: resolve in resolved']?.count,
    ).toBeGreaterThan(0);
  });
});

describe('replay input', () => {
  it('reads a gzip file exactly as the plain one', async () => {
    const gz = writeTemp(
      'sample.csv.gz',
      gzipSync(readFileSync(SERVICENOW_SAMPLE)),
    );
    const plain = await replayFile(replayDesk().desk, SERVICENOW_SAMPLE);
    const zipped = await replayFile(replayDesk().desk, gz);
    expect(zipped.rows).toBe(plain.rows);
    expect(zipped.openToResolvedHours).toEqual(plain.openToResolvedHours);
    expect(zipped.refusals).toEqual(plain.refusals);
  });

  it('refuses a header no mapping knows', async () => {
    const file = writeTemp('odd.csv', 'a,b\n1,2\n');
    await expect(replayFile(replayDesk().desk, file)).rejects.toMatchObject({
      code: 'UNKNOWN_MAPPING',
    });
  });

  it('refuses a mapping whose columns the file lacks', async () => {
    await expect(
      replayFile(replayDesk().desk, SERVICENOW_SAMPLE, { mapping: 'helpdesk' }),
    ).rejects.toMatchObject({ code: 'MISSING_COLUMNS' });
  });

  it('refuses a missing file with a typed error', async () => {
    await expect(
      replayFile(replayDesk().desk, '/nonexistent/log.csv'),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('needs a desk whose clock it can set', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    await expect(replayFile(desk, SERVICENOW_SAMPLE)).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
    });
  });

  it('gives a replay clock back to the wall clock when done', async () => {
    const clock = createReplayClock();
    const desk = createDesk({ store: createMemoryStore(), clock });
    const file = helpdeskSlice(20);
    const report = await replayFile(desk, file);
    expect(report.tickets).toBe(20);
    expect(clock.pinned).toBe(false);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5000);
  });

  it('reports progress through every phase', async () => {
    const phases = new Set<string>();
    await replayFile(replayDesk().desk, helpdeskSlice(30), {
      onProgress: (p) => {
        expect(p.done).toBeLessThanOrEqual(p.total);
        phases.add(p.phase);
      },
    });
    expect([...phases]).toEqual(['read', 'replay', 'report']);
  });
});
