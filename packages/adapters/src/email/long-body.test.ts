import { LIMITS } from '@ticketry/core';
import { describe, expect, it } from 'vitest';
import { compose, mailDesk } from './test-support.js';

// Regression (found by the attack suite): a body cut at the limit got
// its note appended past the limit, so the desk refused the mail (422)
// and the requester's message was lost.
describe('a body longer than a ticket takes', () => {
  it('is cut to fit, note included, and still opens a ticket', async () => {
    const t = await mailDesk();
    const raw = await compose({
      from: 'long@example.com',
      to: 'help@desk.example',
      subject: 'A long report',
      text: 'A'.repeat(LIMITS.body + 500),
    });
    const result = await t.intake.receive(raw);
    expect(result.outcome).toBe('created');
    const ticket = (await t.desk.get(result.ticket!.id))!;
    expect(ticket.description.length).toBeLessThanOrEqual(LIMITS.body);
    expect(ticket.description).toMatch(/^A{1000}/);
    expect(ticket.description.endsWith('[… cut at the limit]')).toBe(true);
  });
});
