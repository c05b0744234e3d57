import { describe, expect, it } from 'vitest';
import { isSmallTalk } from './small-talk.js';

describe('small talk', () => {
  it('is a greeting or thanks alone, in each of the seven languages', () => {
    for (const text of [
      'hi',
      'Hello!',
      'Good morning :)',
      'Guten Tag',
      'Bonjour, merci',
      '¡Hola!',
      'Olá',
      'こんにちは',
      'مرحبا',
      '  ',
    ])
      expect(isSmallTalk(text), text).toBe(true);
  });

  it('is not a message that states a problem, greeting or not', () => {
    for (const text of [
      'My monitor flickers all the time since Monday',
      'hi, my monitor flickers',
      'history of my tickets',
      'Hallo, der Drucker druckt nicht',
      'こんにちは、プリンターが動きません',
      'مرحبا، الطابعة لا تعمل',
    ])
      expect(isSmallTalk(text), text).toBe(false);
  });
});
