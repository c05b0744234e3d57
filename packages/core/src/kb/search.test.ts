import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './bm25.js';
import { stemEnglish, stemFrench, stemGerman, stemSpanish } from './stem.js';
import { tokenize } from './tokenize.js';

describe('stemming and tokens', () => {
  it('meets inflections of one word in each language', () => {
    const same = (stem: (w: string) => string, words: string[]) =>
      expect(new Set(words.map(stem)).size).toBe(1);
    same(stemEnglish, ['printer', 'printers', 'printing', 'printed']);
    same(stemGerman, ['drucker', 'druckern', 'druckers']);
    same(stemFrench, ['imprimante', 'imprimantes']);
    same(stemSpanish, ['impresora', 'impresoras']);
  });

  it('splits French elisions, drops stop words and folds accents', () => {
    expect(tokenize("L'écran de l'ordinateur", 'fr')).toEqual(
      tokenize('ecran ordinateur', 'fr'),
    );
    expect(tokenize('Das Passwort für den Drucker', 'de-AT')).toEqual(
      tokenize('passwort drucker', 'de'),
    );
  });

  it('keeps version numbers whole', () => {
    expect(tokenize('Upgrade 12.04 to 14.04.2', 'en')).toContain('14.04.2');
  });
});

describe('the BM25F index', () => {
  it('weighs a title match above the same word in a body', () => {
    const index = createSearchIndex();
    index.add({
      id: 'body',
      title: 'Mail setup',
      body: 'vpn client settings here',
    });
    index.add({
      id: 'title',
      title: 'VPN client',
      body: 'mail setup settings here',
    });
    expect(index.search('vpn').map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('adds, replaces and removes documents one at a time', () => {
    const index = createSearchIndex();
    index.add({ id: 'a', title: 'Printer jams' });
    index.add({ id: 'b', title: 'Screen flickers' });
    expect(index.search('printer')[0]?.id).toBe('a');
    index.add({ id: 'a', title: 'Keyboard sticks' });
    expect(index.search('printer')).toEqual([]);
    expect(index.remove('b')).toBe(true);
    expect(index.search('screen')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('finds a German article from a query in another inflection', () => {
    const index = createSearchIndex();
    index.add({
      id: 'de',
      locale: 'de',
      title: 'Druckern im Netzwerk verbinden',
    });
    index.add({ id: 'en', locale: 'en', title: 'Connect printers' });
    const hits = index.search('Drucker verbindet', { locale: 'de' });
    expect(hits.map((h) => h.id)).toEqual(['de']);
  });
});
