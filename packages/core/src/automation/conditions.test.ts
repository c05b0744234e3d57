import { describe, expect, it } from 'vitest';
import type { Ticket } from '../schemas/ticket.js';
import { matches } from './conditions.js';
import { conditionsSchema } from './schema.js';

const ticket = (subject: string, description = '') =>
  ({ id: 't1', subject, description, tags: ['vpn'] }) as unknown as Ticket;

const mentions = (value: string) =>
  conditionsSchema.parse({ any: [{ field: 'text', op: 'mentions', value }] });

describe('conditions on text', () => {
  it('`mentions` matches whole words in any case, `contains` any substring', () => {
    const down = mentions('down');
    expect(matches(down, { ticket: ticket('The VPN is DOWN again') })).toBe(
      true,
    );
    expect(matches(down, { ticket: ticket('Software download is slow') })).toBe(
      false,
    );
    const substring = conditionsSchema.parse({
      any: [{ field: 'text', op: 'contains', value: 'down' }],
    });
    expect(
      matches(substring, { ticket: ticket('Software download is slow') }),
    ).toBe(true);
  });

  it('`mentions` takes phrases across spacing and non-Latin words', () => {
    const phrase = mentions('cannot log in');
    expect(matches(phrase, { ticket: ticket('I cannot\nlog   in') })).toBe(
      true,
    );
    expect(matches(phrase, { ticket: ticket('cannot login') })).toBe(false);
    expect(
      matches(mentions('drucker'), { ticket: ticket('Der Drucker klemmt') }),
    ).toBe(true);
  });
});
