import { describe, expect, it } from 'vitest';
import { canonicalZone, zoneRules } from './zone.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('zone rules read from Intl', () => {
  it('finds the 2024 clock changes of Berlin and New York to the second', () => {
    const berlin = zoneRules('Europe/Berlin');
    expect(
      berlin.transitionsIn(
        at('2024-01-01T00:00:00Z'),
        at('2025-01-01T00:00:00Z'),
      ),
    ).toEqual([
      { at: at('2024-03-31T01:00:00Z'), offset: 2 * H },
      { at: at('2024-10-27T01:00:00Z'), offset: H },
    ]);
    const nyc = zoneRules('America/New_York');
    expect(
      nyc.transitionsIn(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z')),
    ).toEqual([
      { at: at('2024-03-10T07:00:00Z'), offset: -4 * H },
      { at: at('2024-11-03T06:00:00Z'), offset: -5 * H },
    ]);
  });

  it('answers the offset on either side of a change', () => {
    const berlin = zoneRules('Europe/Berlin');
    expect(berlin.offsetAt(at('2024-03-31T00:59:59Z'))).toBe(H);
    expect(berlin.offsetAt(at('2024-03-31T01:00:00Z'))).toBe(2 * H);
    expect(berlin.pieceAt(at('2024-03-30T12:00:00Z'))).toEqual({
      offset: H,
      end: at('2024-03-31T01:00:00Z'),
    });
  });

  it('ends a piece at the new year when a zone has no change', () => {
    expect(zoneRules('UTC').pieceAt(at('2024-06-01T00:00:00Z'))).toEqual({
      offset: 0,
      end: at('2025-01-01T00:00:00Z'),
    });
    expect(zoneRules('Asia/Kolkata').offsetAt(at('2024-06-01T00:00:00Z'))).toBe(
      5.5 * H,
    );
  });

  it('knows IANA names and refuses made-up ones', () => {
    expect(canonicalZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalZone('Mars/Olympus')).toBeNull();
  });
});
