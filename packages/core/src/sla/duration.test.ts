import { describe, expect, it } from 'vitest';
import { durationSchema, formatDuration, offsetSchema } from './duration.js';

describe('business durations', () => {
  it('reads minutes and h/m text', () => {
    expect(durationSchema.parse(90)).toBe(5_400_000);
    expect(durationSchema.parse('1h30m')).toBe(5_400_000);
    expect(durationSchema.parse('4h')).toBe(14_400_000);
    expect(durationSchema.parse('45m')).toBe(2_700_000);
    expect(offsetSchema.parse('-30m')).toBe(-1_800_000);
    expect(offsetSchema.parse('+2h')).toBe(7_200_000);
  });

  it('refuses days, signs on durations, fractions and empty text', () => {
    for (const bad of ['2d', '-1h', '1.5h', '', 'h', -5, 1.5]) {
      expect(durationSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('writes milliseconds back as text', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(-1_800_000)).toBe('-30m');
    expect(formatDuration(7_200_000)).toBe('2h');
  });
});
