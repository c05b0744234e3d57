import type { AuditEvent } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { figuresFromEvents } from './report.ts';
import { histogram, roundHalfEven, summarize } from './summary.ts';

let seq = 0;
function event(
  ticketId: string,
  type: string,
  at: string,
  changes: Record<string, unknown> = {},
): AuditEvent {
  seq++;
  return {
    id: `e${seq}`,
    siteId: 'default',
    ticketId,
    seq,
    version: seq,
    at,
    actor: { role: 'system', id: null },
    type: `ticket.${type}` as AuditEvent['type'],
    changes,
    data: null,
  };
}

describe('figures from events', () => {
  const reopened = [
    event('a', 'submitted', '2016-03-01T00:00:00Z', { status: 'new' }),
    event('a', 'resolved', '2016-03-01T10:00:00Z', { status: 'resolved' }),
    event('a', 'rejected', '2016-03-02T00:00:00Z', {
      status: 'in_progress',
      reopenCount: 1,
    }),
    event('a', 'pended', '2016-03-02T01:00:00Z', { status: 'pending' }),
    event('a', 'resolved', '2016-03-02T20:00:00Z', { status: 'resolved' }),
    event('a', 'closed', '2016-03-07T20:00:00Z', { status: 'closed' }),
  ];
  const unrecorded = [
    event('b', 'submitted', '2016-03-01T00:00:00Z', {
      status: 'new',
      fields: { resolvedAtRecorded: false },
    }),
    event('b', 'resolved', '2016-03-01T02:00:00Z', { status: 'resolved' }),
    event('b', 'closed', '2016-03-03T02:00:00Z', { status: 'closed' }),
  ];
  const open = [
    event('c', 'submitted', '2016-03-01T00:00:00Z', { status: 'new' }),
  ];
  const figures = figuresFromEvents([reopened, unrecorded, open]);

  it('folds each ticket status from the changes', () => {
    expect(figures.tickets).toBe(3);
    expect(figures.events).toBe(10);
    expect(figures.finalStatus).toEqual({ closed: 2, new: 1 });
  });

  it('measures open to the last resolve, in hours', () => {
    expect(figures.openToResolvedHours).toMatchObject({
      n: 2,
      median: 23,
      max: 44,
    });
    expect(figures.openToResolvedHoursRecorded).toMatchObject({
      n: 1,
      median: 44,
    });
  });

  it('measures the last resolve to close, in days', () => {
    expect(figures.resolveToCloseDays).toMatchObject({ n: 2, median: 3.5 });
    expect(figures.resolveToCloseDaysRecorded).toMatchObject({
      n: 1,
      median: 5,
    });
    expect(figures.resolveToCloseHistogram).toEqual({ 5: 1 });
    expect(figures.closeFiveToSixDaysShare).toBe(1);
  });

  it('counts reopened and paused tickets', () => {
    expect(figures.reopenedTickets).toBe(1);
    expect(figures.reopenShare).toBeCloseTo(1 / 3);
    expect(figures.pendedShare).toBeCloseTo(1 / 3);
  });

  it('ignores a close that came before the last resolve', () => {
    const reopenedAfterClose = [
      event('d', 'submitted', '2016-03-01T00:00:00Z', { status: 'new' }),
      event('d', 'resolved', '2016-03-01T01:00:00Z', { status: 'resolved' }),
      event('d', 'closed', '2016-03-02T00:00:00Z', { status: 'closed' }),
      event('d', 'replied', '2016-03-03T00:00:00Z', {
        status: 'in_progress',
        reopenCount: 1,
      }),
      event('d', 'resolved', '2016-03-04T00:00:00Z', { status: 'resolved' }),
    ];
    const f = figuresFromEvents([reopenedAfterClose]);
    expect(f.resolveToCloseDays.n).toBe(0);
    expect(f.closeFiveToSixDaysShare).toBeNull();
    expect(f.finalStatus).toEqual({ resolved: 1 });
  });
});

describe('summaries', () => {
  it('takes the middle of an even count and interpolates the p90', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      median: 2.5,
      mean: 2.5,
      p90: 3.7,
      max: 4,
    });
    expect(summarize([])).toEqual({
      n: 0,
      median: null,
      mean: null,
      p90: null,
      max: null,
    });
  });

  it('rounds halves to even, as Python does', () => {
    expect([0.5, 1.5, 4.5, 5.5, 4.49, 4.51].map(roundHalfEven)).toEqual([
      0, 2, 4, 6, 4, 5,
    ]);
    expect(histogram([4.5, 4.6, 5.2, 5.5])).toEqual({ 4: 1, 5: 2, 6: 1 });
  });
});
