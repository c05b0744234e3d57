import { describe, expect, it } from 'vitest';
import {
  descriptionOf,
  pairedDirectionControls,
  quoteUserText,
  subjectOf,
} from './user-text.js';

describe('the requester’s words in the assistant’s sentences', () => {
  it('are isolated, with unpaired direction controls removed', () => {
    expect(quoteUserText('abc')).toBe('\u2068abc\u2069');
    // An override never closed, a stray PDI and a stray PDF go.
    expect(quoteUserText('a\u202Eb\u2069c')).toBe('\u2068abc\u2069');
    expect(quoteUserText('x\u202Cy\u2069')).toBe('\u2068xy\u2069');
    // A closed pair stays: it reverses nothing outside the quote.
    expect(pairedDirectionControls('a\u202Eb\u202Cc')).toBe('a\u202Eb\u202Cc');
    expect(pairedDirectionControls('\u2067x\u202Ey\u2069')).toBe(
      '\u2067xy\u2069',
    );
  });
});

describe('the subject and description a problem gives', () => {
  it('takes the first line, without direction or control characters', () => {
    expect(
      subjectOf('My monitor \u202Eflickers\u0007 all day\nsince Monday'),
    ).toBe('My monitor flickers all day');
    expect(subjectOf('\u202E\u202C')).toBeUndefined();
    expect(subjectOf(null)).toBeUndefined();
  });

  it('cuts at the subject’s length without splitting a character', () => {
    const subject = subjectOf(`${'a'.repeat(199)}😀😀`);
    expect(subject).toBe(`${'a'.repeat(199)}😀`);
  });

  it('keeps the description’s lines and adds the details under it', () => {
    expect(descriptionOf('Line one\nline two\u0000', 'More')).toBe(
      'Line one\nline two\n\nMore',
    );
    expect(descriptionOf('  ')).toBeUndefined();
  });
});
