import { createDesk, createMemoryStore } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './console-answers.js';

async function realTicket() {
  const desk = createDesk({ store: createMemoryStore() });
  const { ticket } = await desk.submit({
    subject: 'VPN drops every hour',
    description: 'Since Monday the VPN disconnects on the hour.',
    requester: { email: 'grace@example.com', name: 'Grace' },
  });
  return { desk, ticket: JSON.parse(JSON.stringify(ticket)) };
}

describe('checkAnswer', () => {
  it('passes a real ticket and its events through, every field kept', async () => {
    const { desk, ticket } = await realTicket();
    expect(checkAnswer('ticket', ticket)).toEqual(ticket);
    expect(checkAnswer('page', { items: [ticket], nextCursor: null })).toEqual({
      items: [ticket],
      nextCursor: null,
    });
    const events = JSON.parse(JSON.stringify(await desk.events(ticket.id)));
    expect(checkAnswer('events', { events }).events).toEqual(events);
  });

  it('refuses another shape with INVALID_ANSWER naming the field', async () => {
    const { ticket } = await realTicket();
    const broken = { ...ticket, version: '3' };
    expect(() => checkAnswer('ticket', broken)).toThrow(
      expect.objectContaining({ code: 'INVALID_ANSWER' }),
    );
    expect(() => checkAnswer('page', { items: [broken] })).toThrow(
      /items\.0\.version/,
    );
    expect(() => checkAnswer('session', '<html>proxy error</html>')).toThrow(
      /session/,
    );
    expect(() =>
      checkAnswer('commands', { commands: [{ type: 'assign' }] }),
    ).toThrow(/commands\.0\.to/);
  });
});
