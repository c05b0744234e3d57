import { describe, expect, it } from 'vitest';
import { TEST_FORM } from '../../../test/form-fixture.js';
import ar from './ar.js';
import { dateFormatter, validTimeZone } from './dates.js';
import de from './de.js';
import { en, type Messages } from './en.js';
import { describeError, describeIssue } from './errors.js';
import es from './es.js';
import fr from './fr.js';
import ja from './ja.js';
import { LAUNCHER_TEXT } from './launcher-text.js';
import { loadMessages } from './load.js';
import { format, LANGUAGES, pickLanguage } from './locale.js';
import pt from './pt.js';
import { formatBytes } from './sizes.js';

const TRANSLATIONS: Record<string, Messages> = { de, fr, es, pt, ja, ar };

/** Every leaf of a message tree as `path → text`. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') {
      for (const [p, v] of leaves(value, path)) found.set(p, v);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the widget speaks seven languages', () => {
  const english = leaves(en);

  it('lists exactly English and the six translations', () => {
    expect([...LANGUAGES].sort()).toEqual(
      ['en', ...Object.keys(TRANSLATIONS)].sort(),
    );
  });

  for (const [lang, messages] of Object.entries(TRANSLATIONS)) {
    it(`${lang} has every English key, no other, and no empty text`, () => {
      const translated = leaves(messages);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of translated) {
        expect(typeof text, path).toBe('string');
        expect(String(text).trim(), path).not.toBe('');
      }
    });

    it(`${lang} keeps the placeholders of every English message`, () => {
      const translated = leaves(messages);
      for (const [path, text] of english) {
        expect(placeholders(translated.get(path)), path).toEqual(
          placeholders(text),
        );
      }
    });

    it(`${lang} loads lazily as the same messages`, async () => {
      expect(await loadMessages(lang as never)).toBe(messages);
    });
  }

  it('translates the words people read, not only copies English', () => {
    for (const [lang, messages] of Object.entries(TRANSLATIONS)) {
      const same = [...leaves(messages)].filter(
        ([path, text]) =>
          english.get(path) === text && !path.startsWith('sizes.'),
      );
      // Brand-like words (Hardware, Software, Support) and unit symbols
      // (KB, MB) may stay the same.
      expect(same.length, `${lang}: ${same.map(([p]) => p)}`).toBeLessThan(6);
    }
  });
});

describe('the tiny launcher speaks the same seven languages', () => {
  const keys = Object.keys(LAUNCHER_TEXT.en).sort();

  it('has a row for every language, with the same keys and no empty text', () => {
    expect(Object.keys(LAUNCHER_TEXT).sort()).toEqual([...LANGUAGES].sort());
    for (const [lang, row] of Object.entries(LAUNCHER_TEXT)) {
      expect(Object.keys(row).sort(), lang).toEqual(keys);
      for (const text of Object.values(row)) expect(text.trim()).not.toBe('');
    }
  });

  it('translates every row', () => {
    for (const [lang, row] of Object.entries(LAUNCHER_TEXT)) {
      if (lang === 'en') continue;
      expect(row.close, lang).not.toBe(LAUNCHER_TEXT.en.close);
      expect(row.failed, lang).not.toBe(LAUNCHER_TEXT.en.failed);
    }
  });

  it('names the button and close button as the full widget does', () => {
    const all: Record<string, Messages> = { en, ...TRANSLATIONS };
    for (const [lang, messages] of Object.entries(all)) {
      const row = LAUNCHER_TEXT[lang as keyof typeof LAUNCHER_TEXT];
      expect(messages.helpDesk, lang).toBe(row.name);
      expect(messages.closeHelpDesk, lang).toBe(row.close);
    }
  });
});

describe('file sizes', () => {
  const sized = (t: Messages, locale: string) => ({
    t,
    format: (message: string, values: Record<string, string | number>) =>
      format(
        message,
        Object.fromEntries(
          Object.entries(values).map(([k, v]) => [
            k,
            typeof v === 'number' ? v.toLocaleString(locale) : v,
          ]),
        ),
      ),
  });

  it('picks the unit and rounds as people read sizes', () => {
    const english = sized(en, 'en');
    expect(formatBytes(512, english)).toBe('512 B');
    expect(formatBytes(40 * 1024, english)).toBe('40 KB');
    expect(formatBytes(5 * 1024 * 1024, english)).toBe('5 MB');
    expect(formatBytes(1.25 * 1024 * 1024, english)).toBe('1.3 MB');
  });

  it('uses the language’s unit symbols and digits', () => {
    expect(formatBytes(1.5 * 1024 * 1024, sized(fr, 'fr'))).toBe('1,5 Mo');
    expect(formatBytes(2048, sized(de, 'de'))).toBe('2 KB');
    expect(formatBytes(300, sized(ar, 'ar'))).toBe('300 بايت');
  });
});

describe('choosing a language', () => {
  it('takes the first supported tag, matching the primary subtag', () => {
    expect(pickLanguage(['nl', 'pt-BR', 'de'])).toEqual({
      lang: 'pt',
      locale: 'pt-BR',
    });
    expect(pickLanguage(['DE_ch'])).toEqual({ lang: 'de', locale: 'de-CH' });
    expect(pickLanguage([null, '', undefined, 'ja'])).toMatchObject({
      lang: 'ja',
    });
  });

  it('falls back to English when nothing matches', () => {
    expect(pickLanguage(['nl', 'sv-SE'])).toEqual({ lang: 'en', locale: 'en' });
    expect(pickLanguage([])).toEqual({ lang: 'en', locale: 'en' });
  });

  it('keeps the bare language when the tag is malformed', () => {
    expect(pickLanguage(['fr-!!'])).toEqual({ lang: 'fr', locale: 'fr' });
  });
});

describe('dates in the requester’s zone', () => {
  it('accepts IANA zones and ignores unknown ones', () => {
    expect(validTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(validTimeZone(' Asia/Tokyo ')).toBe('Asia/Tokyo');
    expect(validTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(validTimeZone('')).toBeUndefined();
    expect(validTimeZone(null)).toBeUndefined();
  });

  it('formats one instant by locale and zone', () => {
    const at = new Date('2024-03-04T13:00:00Z');
    const tokyo = dateFormatter('ja-JP', 'Asia/Tokyo').format(at);
    const berlin = dateFormatter('de-DE', 'Europe/Berlin').format(at);
    expect(tokyo).toMatch(/2024\/03\/04 22:00/);
    expect(berlin).toMatch(/04\.03\.2024,? 14:00/);
    expect(dateFormatter('ja-JP', 'Asia/Tokyo')).toBe(
      dateFormatter('ja-JP', 'Asia/Tokyo'),
    );
  });
});

describe('message helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(
      format('{ref} is now: {status}.', { ref: 'T-1', status: 'Open' }),
    ).toBe('T-1 is now: Open.');
    expect(format('{missing}', {})).toBe('{missing}');
  });

  it('words failures by code and keeps unknown codes as sent', () => {
    expect(describeError({ code: 'NETWORK_ERROR', message: 'x' }, de)).toMatch(
      /nicht erreichbar/,
    );
    expect(
      describeError({ code: 'HTTP_ERROR', message: 'x', status: 502 }, fr),
    ).toBe('Le support a répondu par l’erreur 502.');
    expect(
      describeError({ code: 'SOMETHING_NEW', message: 'As sent' }, ja),
    ).toBe('As sent');
  });

  it('calls an empty required select or unticked required box required, as the server words them', async () => {
    const { formSchema, submissionSchemaFor } = await import(
      '@ticketry/core/public'
    );
    const form = formSchema.parse(TEST_FORM);
    const parsed = submissionSchemaFor(form).safeParse({
      subject: 'Printer',
      description: 'Jammed',
      requester: { email: 'ada@example.com' },
      fields: { steps: 'Switch on', agree: false },
    });
    const words = parsed.error?.issues.map((i) => describeIssue(i, fr));
    expect(words).toEqual([fr.issues.required, fr.issues.required]);
    const odd = { code: 'invalid_value', message: 'Office: unknown' };
    expect(describeIssue(odd, en)).toBe(en.issues.invalid);
  });

  it('words field issues from zod codes', () => {
    expect(describeIssue({ code: 'too_small', message: 'x' }, es)).toBe(
      es.issues.required,
    );
    expect(
      describeIssue({ code: 'too_big', maximum: 200, message: 'x' }, ar),
    ).toBe('استخدم 200 حرفًا على الأكثر.');
    expect(
      describeIssue(
        { code: 'invalid_format', format: 'email', message: 'x' },
        pt,
      ),
    ).toBe(pt.issues.email);
    expect(
      describeIssue(
        {
          code: 'custom',
          message: 'subject must not contain control characters',
        },
        en,
      ),
    ).toBe(en.issues.control);
    // The widget's and the server's words for U+202E and its kin.
    for (const message of [
      'subject must not contain direction override characters',
      'must not contain direction override characters',
    ]) {
      expect(describeIssue({ code: 'custom', message }, de)).toBe(
        de.issues.direction,
      );
    }
    expect(describeIssue({ message: 'no code' }, de)).toBe('no code');
  });
});
