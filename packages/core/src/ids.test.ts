import { describe, expect, it } from 'vitest';
import { createId } from './ids.js';

const ALPHABET = /^[0-9abcdefghjkmnpqrstvwxyz]{20}$/;

describe('createId', () => {
  it('makes 20 lower-case Crockford base32 characters', () => {
    for (let i = 0; i < 1000; i++) expect(createId()).toMatch(ALPHABET);
  });

  it('starts with the millisecond, so ids of later instants sort later', () => {
    const a = createId(Date.UTC(2030, 0, 1));
    const b = createId(Date.UTC(2030, 0, 1, 0, 0, 0, 1));
    expect(a.slice(0, 10)).toBe('01q3dcbd00');
    expect(b.slice(0, 10)).toBe('01q3dcbd01');
    expect(b > a).toBe(true);
  });

  it('keeps order and uniqueness within one millisecond', () => {
    const now = Date.UTC(2031, 5, 1);
    const ids = Array.from({ length: 50_000 }, () => createId(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) {
      expect(ids[i]! > ids[i - 1]!).toBe(true);
    }
  });

  it('keeps order when the clock steps back', () => {
    const later = createId(Date.UTC(2032, 0, 1, 12));
    const earlier = createId(Date.UTC(2032, 0, 1, 11));
    expect(earlier > later).toBe(true);
    expect(earlier.slice(0, 10)).toBe(later.slice(0, 10));
  });

  it('draws fresh randomness for each new millisecond', () => {
    const tails = new Set<string>();
    const start = Date.UTC(2033, 0, 1);
    for (let i = 0; i < 2000; i++) tails.add(createId(start + i).slice(10));
    expect(tails.size).toBeGreaterThan(1990);
  });
});
