import { describe, expect, it } from 'vitest';
import { declaredType, sniff } from './sniff.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniff', () => {
  it.each([
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    [text('GIF87a....'), 'image/gif'],
    [text('GIF89a....'), 'image/gif'],
    [text('%PDF-1.4\n'), 'application/pdf'],
    [bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), 'application/zip'],
    [bytes(0x50, 0x4b, 0x05, 0x06, 0, 0), 'application/zip'],
    [text('\ufeffHello, world\r\n\ttabbed'), 'text/plain'],
    [text('Grüße, 東京\n'), 'text/plain'],
  ])('recognises %o as %s', (input, type) => {
    expect(sniff(input)).toEqual({ kind: 'type', type });
  });

  it.each([
    '<html><body>hi</body></html>',
    '  \n<!DOCTYPE html>',
    '<?xml version="1.0"?><svg/>',
    '<svg onload="alert(1)"/>',
  ])('calls %j markup', (input) => {
    expect(sniff(text(input))).toEqual({ kind: 'markup' });
  });

  it.each([
    ['a NUL byte', text('abc\u0000def')],
    ['an escape', text('abc\u001b[31m')],
    ['invalid UTF-8', bytes(0xc3, 0x28)],
    ['a near miss of PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0)],
  ])('knows nothing of %s', (_, input) => {
    expect(sniff(input)).toEqual({ kind: 'unknown' });
  });
});

describe('declaredType', () => {
  it('folds case, parameters and aliases; treats octet-stream as undeclared', () => {
    expect(declaredType('Text/Plain; charset=utf-8')).toBe('text/plain');
    expect(declaredType('image/jpg')).toBe('image/jpeg');
    expect(declaredType('application/x-zip-compressed')).toBe(
      'application/zip',
    );
    expect(declaredType('application/octet-stream')).toBeNull();
    expect(declaredType(null)).toBeNull();
  });
});
