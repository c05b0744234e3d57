import { fileNameProblem } from '@ticketry/core/public';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badFileName } from './form-extras.js';

describe('badFileName', () => {
  it('refuses exactly the names core’s fileNameProblem refuses', () => {
    const named = ['', '.', '...', 'a.txt', 'a\tb', 'x\u202etxt.exe'];
    for (const name of [...named, 'a'.repeat(200), 'a'.repeat(201)]) {
      expect(badFileName(name), name).toBe(fileNameProblem(name) !== null);
    }
    const piece = fc.constantFrom(
      'a',
      '.',
      ' ',
      '\t',
      '\n',
      '\u0000',
      '\u202e',
      '\ud800',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const name = parts.join('').trim();
        return badFileName(name) === (fileNameProblem(name) !== null);
      }),
      { numRuns: 2000 },
    );
  });
});
