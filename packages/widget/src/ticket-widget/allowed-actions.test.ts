import type { PublicTicket } from '@ticketry/core/public';
import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed-actions.js';

const now = Date.parse('2024-03-10T12:00:00Z');

function ticket(overrides: Partial<PublicTicket>): PublicTicket {
  return {
    id: 't1',
    ref: 'T-1',
    version: 3,
    status: 'new',
    pendingReason: null,
    subject: 'Printer jams',
    category: null,
    createdAt: '2024-03-01T09:00:00.000Z',
    updatedAt: '2024-03-01T09:00:00.000Z',
    resolvedAt: null,
    closedAt: null,
    resolution: null,
    reopenUntil: null,
    satisfaction: null,
    messages: [],
    ...overrides,
  };
}

describe('what the widget offers a requester', () => {
  it('offers accept, reject, rate and reply on a resolved ticket inside its reopen window', () => {
    const resolved = ticket({
      status: 'resolved',
      reopenUntil: '2024-03-12T12:00:00.000Z',
    });
    expect(allowedActions(resolved, 'new_ticket', now)).toEqual({
      accept: true,
      reject: true,
      rate: true,
      reply: true,
      windowClosed: false,
    });
  });

  it('keeps accept and rate but drops reject and reply once the reopen window has passed', () => {
    const late = ticket({
      status: 'resolved',
      reopenUntil: '2024-03-09T12:00:00.000Z',
    });
    expect(allowedActions(late, null, now)).toEqual({
      accept: true,
      reject: false,
      rate: true,
      reply: false,
      windowClosed: true,
    });
  });

  it('follows the closed-reply policy on a closed ticket', () => {
    const closed = ticket({ status: 'closed' });
    expect(allowedActions(closed, 'reject', now).reply).toBe(false);
    expect(allowedActions(closed, 'reopen', now).reply).toBe(true);
    expect(allowedActions(closed, 'new_ticket', now).reply).toBe(true);
    expect(allowedActions(closed, 'reject', now)).toMatchObject({
      accept: false,
      reject: false,
      rate: true,
    });
  });

  it('offers only a reply while the ticket is worked, and nothing once cancelled or merged', () => {
    for (const status of ['new', 'in_progress', 'pending'] as const) {
      const working = ticket({
        status,
        pendingReason: status === 'pending' ? 'vendor' : null,
      });
      expect(allowedActions(working, null, now)).toEqual({
        accept: false,
        reject: false,
        rate: false,
        reply: true,
        windowClosed: false,
      });
    }
    for (const status of ['cancelled', 'merged'] as const) {
      const done = allowedActions(ticket({ status }), 'reopen', now);
      expect(Object.values(done).some(Boolean)).toBe(false);
    }
  });
});
