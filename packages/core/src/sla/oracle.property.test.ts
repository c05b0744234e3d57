import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from './business-calendar.js';
import type { CalendarInput } from './calendar-schema.js';
import { createMinuteOracle } from './oracle.js';
import { randomCalendar, randomSpan } from './random-cases.js';

const MINUTE = 60_000;

describe('the business-time engine against a minute-by-minute oracle', () => {
  it('agrees on elapsed time and deadlines over 1,000 random cases', () => {
    const engines = new Map<string, ReturnType<typeof compileCalendar>>();
    const oracles = new Map<string, ReturnType<typeof createMinuteOracle>>();
    const both = (c: CalendarInput) => {
      const key = JSON.stringify(c);
      if (!engines.has(key)) {
        engines.set(key, compileCalendar(c));
        oracles.set(key, createMinuteOracle(c));
      }
      return [engines.get(key)!, oracles.get(key)!] as const;
    };
    let dstCases = 0;
    fc.assert(
      fc.property(
        randomCalendar(),
        randomSpan(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (calendar, span, share) => {
          const [engine, oracle] = both(calendar);
          const { from, to } = span;
          if (span.nearDst) dstCases += 1;
          const elapsed = oracle.elapsed(from, to);
          expect(engine.elapsed(from, to)).toBe(elapsed);
          // A target that the oracle reaches inside the span.
          const target = Math.floor((elapsed / MINUTE) * share) * MINUTE;
          const due = oracle.add(from, target);
          expect(due).toBeLessThanOrEqual(to);
          expect(engine.add(from, target)).toBe(due);
        },
      ),
      { numRuns: 1000 },
    );
    expect(dstCases).toBeGreaterThan(200);
  });
});
