import { describe, expect, it } from 'vitest';
import { commandFrom, hasForm } from './command-forms.js';
import type { Agent, Ticket } from './console-types.js';
import {
  ACTIVE,
  BREACHING_WINDOW_MS,
  matchText,
  queueQuery,
} from './queues.js';

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

  it("reads the agent's first team for the team queue", () => {
    expect(queueQuery('team', agent, none, now).teamId).toBe('service-desk');
  });

  it('treats new and open tickets as unassigned', () => {
    expect(queueQuery('unassigned', agent, none, now).status).toBe('new,open');
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
    expect(hasForm('rate')).toBe(false);
  });
});
