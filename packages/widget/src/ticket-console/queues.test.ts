import { describe, expect, it } from 'vitest';
import { commandFrom, hasForm } from './command-forms.js';
import type { Agent, Ticket } from './console-types.js';
import {
  ACTIVE,
  BREACHING_WINDOW_MS,
  matchText,
  mergePages,
  queueQueries,
} from './queues.js';

const queueQuery = (...args: Parameters<typeof queueQueries>) =>
  queueQueries(...args)[0]!;

const agent = {
  id: 'ada',
  teamIds: ['service-desk', 'network'],
} as Agent;
const none = { priority: '', status: '', text: '', sortByDue: false };
const now = Date.parse('2026-01-05T09:00:00Z');

describe('queueQuery', () => {
  it('asks for the active tickets assigned to me in "mine"', () => {
    expect(queueQuery('mine', agent, none, now)).toEqual({
      status: ACTIVE,
      assigneeId: 'ada',
      limit: '100',
      sort: '-updatedAt',
    });
  });

  it('sends the search text as q, trimmed and cut to 200 characters', () => {
    const text = `  vpn ${'x'.repeat(300)}`;
    const query = queueQuery('all', agent, { ...none, text }, now);
    expect(query.q).toBe(`vpn ${'x'.repeat(196)}`);
    expect(queueQuery('all', agent, { ...none, text: '   ' }, now).q).toBe(
      undefined,
    );
  });

  it('asks once per team of the agent for the team queue', () => {
    const queries = queueQueries('team', agent, none, now);
    expect(queries.map((q) => q.teamId)).toEqual(['service-desk', 'network']);
    expect(queries.every((q) => q.status === ACTIVE)).toBe(true);
    const loner = { ...agent, teamIds: [] } as Agent;
    expect(queueQueries('team', loner, none, now)).toEqual([]);
  });

  it('asks for tickets with no assignee in any active status as unassigned', () => {
    const query = queueQuery('unassigned', agent, none, now);
    expect(query.unassigned).toBe('true');
    expect(query.status).toBe(ACTIVE);
    expect(query.assigneeId).toBeUndefined();
  });

  it('looks four hours ahead for breaching soon, sorted by SLA due', () => {
    const query = queueQuery('breaching', agent, none, now);
    expect(Date.parse(query.dueBefore!) - now).toBe(BREACHING_WINDOW_MS);
    expect(query.sort).toBe('dueAt');
  });

  it('lets filters narrow every queue, and "all" take every status', () => {
    const filters = { ...none, priority: 'high', sortByDue: true };
    expect(queueQuery('all', agent, filters, now)).toEqual({
      limit: '100',
      sort: 'dueAt',
      priority: 'high',
    });
    const closed = queueQuery(
      'mine',
      agent,
      { ...none, status: 'closed' },
      now,
    );
    expect(closed.status).toBe('closed');
  });
});

describe('mergePages', () => {
  const t = (id: string, updatedAt: string, dueAt: string | null = null) =>
    ({ id, updatedAt, dueAt }) as Ticket;
  const a = [t('a', '2026-01-03', '2026-01-09'), t('b', '2026-01-01')];
  const b = [t('c', '2026-01-02', '2026-01-08'), t('a', '2026-01-03')];

  it('keeps each ticket once, in the sort order, cut to the limit', () => {
    const ids = (list: Ticket[]) => list.map((x) => x.id);
    expect(ids(mergePages([a, b], '-updatedAt', 10))).toEqual(['a', 'c', 'b']);
    expect(ids(mergePages([a, b], '-updatedAt', 2))).toEqual(['a', 'c']);
    const byDue = mergePages([[a[0]!, a[1]!], [b[0]!]], 'dueAt', 10);
    expect(ids(byDue)).toEqual(['c', 'a', 'b']);
  });
});

describe('matchText', () => {
  const tickets = [
    { ref: 'T-1', subject: 'VPN drops', category: 'network' },
    { ref: 'T-2', subject: 'Printer jams', category: null },
  ] as Ticket[];

  it('keeps tickets holding every word, in any case', () => {
    expect(matchText(tickets, 'vpn NETWORK').map((t) => t.ref)).toEqual([
      'T-1',
    ]);
    expect(matchText(tickets, 't-2').map((t) => t.ref)).toEqual(['T-2']);
    expect(matchText(tickets, '  ')).toHaveLength(2);
  });
});

describe('command forms', () => {
  it('sends blank optional fields not at all', () => {
    expect(
      commandFrom('resolve', { code: ' solved ', note: 'Done.', extra: 'x' }),
    ).toEqual({ type: 'resolve', code: 'solved', note: 'Done.' });
    expect(commandFrom('pend', { reason: 'vendor', note: ' ' })).toEqual({
      type: 'pend',
      reason: 'vendor',
    });
  });

  it('knows which commands it can send from the bar', () => {
    expect(hasForm('assign')).toBe(true);
    expect(hasForm('close')).toBe(true);
    expect(hasForm('update')).toBe(true);
    expect(hasForm('rate')).toBe(true);
    expect(hasForm('submit')).toBe(false);
  });

  it('sends tags as a list and a rating as a number', () => {
    expect(
      commandFrom('update', {
        tags: ' vpn, ,network ',
        priority: 'high',
        priorityReason: 'CEO',
      }),
    ).toEqual({
      type: 'update',
      tags: ['vpn', 'network'],
      priority: 'high',
      priorityReason: 'CEO',
    });
    expect(commandFrom('update', { tags: '', priority: '' })).toEqual({
      type: 'update',
    });
    expect(commandFrom('rate', { rating: '4', comment: '' })).toEqual({
      type: 'rate',
      rating: 4,
    });
  });
});
