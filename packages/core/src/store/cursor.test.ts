import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleTicket } from '../testing/fixtures.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { TICKET_SORTS } from './types.js';

// The cursor format before it moved off Buffer: cursors handed out by
// earlier versions must still read, and new ones must look the same.
const bufferCursor = (value: unknown[]) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('are the same strings Buffer base64url made, for any text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TICKET_SORTS),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 30 })),
        (sort, id, dueAt) => {
          const ticket = sampleTicket({ id, dueAt });
          const field = sort.replace('-', '') as 'createdAt';
          const expected = bufferCursor([sort, ticket[field], id]);
          expect(encodeCursor(ticket, sort)).toBe(expected);
          expect(decodeCursor(expected, sort)).toEqual({
            value: ticket[field],
            id,
          });
        },
      ),
    );
  });

  it('read back a ticket position with a null sort value', () => {
    const ticket = sampleTicket({ id: 'é-1', dueAt: null });
    const cursor = encodeCursor(ticket, 'dueAt');
    expect(decodeCursor(cursor, 'dueAt')).toEqual({ value: null, id: 'é-1' });
  });

  it('refuse text that is not base64, not JSON, or of another sort', () => {
    const ticket = sampleTicket();
    expect(decodeCursor('%%%', 'createdAt')).toBeNull();
    expect(decodeCursor('a', 'createdAt')).toBeNull();
    expect(decodeCursor('not-a-cursor', 'createdAt')).toBeNull();
    expect(decodeCursor(bufferCursor(['createdAt']), 'createdAt')).toBeNull();
    const other = encodeCursor(ticket, 'updatedAt');
    expect(decodeCursor(other, 'createdAt')).toBeNull();
  });

  it('accept the standard base64 alphabet as Buffer did', () => {
    const ticket = sampleTicket({ id: '>>>???' });
    const url = encodeCursor(ticket, 'createdAt');
    expect(url).toMatch(/[-_]/);
    const standard = url.replace(/-/g, '+').replace(/_/g, '/');
    expect(decodeCursor(standard, 'createdAt')).toEqual(
      decodeCursor(url, 'createdAt'),
    );
  });
});
