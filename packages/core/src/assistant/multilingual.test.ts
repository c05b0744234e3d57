import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTENT_EXAMPLES,
  DEFAULT_INTENT_TEXTS,
  defaultIntentRecognizer,
} from './default-intents.js';
import { ASSISTANT_LOCALES } from './i18n/index.js';
import { arabicStem, intentFeatures } from './intent-features.js';
import {
  BUILT_IN_INTENTS,
  evaluateLanguages,
  heldOutMessages,
  previousExamples,
  previousRecognizer,
} from './multilingual-eval.js';
import { normalizeIntentText } from './normalize.js';
import {
  createIntentRecognizer,
  intentRecognizerFromJSON,
} from './recognizer.js';

const recognizer = defaultIntentRecognizer();

describe('normalizeIntentText', () => {
  it('folds width, case and Latin accents', () => {
    expect(normalizeIntentText('Ｐａｓｓｗｏｒｔ ZURÜCKSETZEN')).toBe(
      'passwort zurucksetzen',
    );
    expect(normalizeIntentText('Não CONSIGO, Straße')).toBe(
      'nao consigo, strasse',
    );
  });

  it('keeps Japanese kana whole (voiced marks are not accents)', () => {
    expect(normalizeIntentText('パスワード')).toBe('パスワード');
    expect(normalizeIntentText('ﾊﾟｽﾜｰﾄﾞ')).toBe('パスワード');
  });

  it('unifies Arabic letter forms, drops short vowels, tatweel and digits', () => {
    expect(normalizeIntentText('كَلِمَة المُرور')).toBe('كلمه المرور');
    expect(normalizeIntentText('إعادة أو آخر')).toBe('اعاده او اخر');
    expect(normalizeIntentText('مـــرحبا ١٠٤٢')).toBe('مرحبا 1042');
  });

  it('removes direction overrides, isolates and zero-width characters', () => {
    expect(normalizeIntentText('pass\u202eword\u202c re\u200bset\u2066')).toBe(
      'password reset',
    );
  });
});

describe('intentFeatures', () => {
  it('cuts Japanese into script runs and character pairs', () => {
    const f = intentFeatures('パスワードを忘れました');
    expect(f).toContain('パスワード');
    expect(f).toContain('#忘れ');
    expect(f).toContain('#忘');
  });

  it('reads English as before, with the multilingual reading off', () => {
    expect(intentFeatures('Printers', { multilingual: false })).toContain(
      'printer',
    );
    expect(intentFeatures('Printers')).toContain('printer');
    expect(intentFeatures('パスワード', { multilingual: false })).toEqual([
      'パスワード',
      '#<パス',
      '#パスワ',
      '#スワー',
      '#ワード',
      '#ード>',
      '#<パスワ',
      '#パスワー',
      '#スワード',
      '#ワード>',
      '#<パスワー',
      '#パスワード',
      '#スワード>',
    ]);
  });

  it('splits French elision and strips the Arabic article and endings', () => {
    expect(intentFeatures("heures d'ouverture")).toContain('ouverture');
    expect(arabicStem('التذكره')).toBe('تذكر');
    expect(arabicStem('تذكرتي')).toBe('تذكر');
    expect(arabicStem('نسيت')).toBe('نسيت');
  });
});

describe('the built-in examples', () => {
  it('cover every intent in every language, several each', () => {
    for (const locale of ASSISTANT_LOCALES) {
      for (const intent of BUILT_IN_INTENTS) {
        expect(
          DEFAULT_INTENT_TEXTS[locale][intent].length,
          `${locale} ${intent}`,
        ).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('share no message with the held-out set, even after normalising', () => {
    const trained = new Set(
      DEFAULT_INTENT_EXAMPLES.map((e) => normalizeIntentText(e.text)),
    );
    for (const { labelled, unrelated } of heldOutMessages()) {
      for (const text of [...labelled.map((e) => e.text), ...unrelated]) {
        expect(trained.has(normalizeIntentText(text)), text).toBe(false);
      }
    }
  });

  it('keep the previous recognizer’s English examples first', () => {
    const previous = previousExamples();
    expect(previous).toHaveLength(62);
    expect(previous[0]).toEqual({
      text: 'what is the status of my ticket',
      intent: 'ticket_status',
    });
  });
});

describe('recognition in seven languages, on held-out messages', () => {
  const rows = evaluateLanguages(
    recognizer,
    DEFAULT_INTENT_EXAMPLES,
    previousRecognizer(),
  );

  for (const locale of ASSISTANT_LOCALES) {
    it(`names most ${locale} requests right and asks on few`, () => {
      const e = rows.find((r) => r.locale === locale)!;
      expect(e.messages).toBe(30);
      expect(e.accuracy).toBeGreaterThanOrEqual(0.7);
      expect(e.accuracy).toBeGreaterThan(e.majority);
      expect(e.coverage).toBeGreaterThanOrEqual(0.6);
    });

    it(`keeps most unrelated ${locale} messages from the routine flows`, () => {
      const e = rows.find((r) => r.locale === locale)!;
      expect(e.unrelatedHeld).toBeGreaterThan(0.5);
    });
  }

  it('beats the English-trained recognizer in Japanese and Arabic', () => {
    for (const locale of ['ja', 'ar'] as const) {
      const e = rows.find((r) => r.locale === locale)!;
      expect(e.accuracy).toBeGreaterThanOrEqual(e.previous + 0.4);
    }
  });

  it('asks instead of guessing under its threshold', () => {
    const r = recognizer.recognize('زرافة بنفسجية تطير فوق البحر');
    if (r.intent === null) expect(r.confidence).toBeLessThan(0.5);
    else expect(r.intent).toBe('other');
    expect(recognizer.recognize('パスワードを忘れました').intent).toBe(
      'password_reset',
    );
  });
});

describe('saved recognizers', () => {
  it('round-trip the multilingual reading', () => {
    const copy = intentRecognizerFromJSON(
      JSON.parse(JSON.stringify(recognizer.toJSON())),
    );
    for (const text of ['営業時間は?', 'نسيت كلمة المرور', 'où en est T-1']) {
      expect(copy.recognize(text).best).toBe(recognizer.recognize(text).best);
    }
  });

  it('load a model saved before the setting existed', () => {
    const old = createIntentRecognizer({ multilingual: false });
    old.train(previousExamples());
    const json = old.toJSON();
    const { multilingual: _dropped, ...settings } = json.settings;
    const loaded = intentRecognizerFromJSON({ ...json, settings });
    expect(loaded.toJSON().settings.multilingual).toBe(false);
    for (const text of ['I forgot my password', 'Öffnungszeiten?']) {
      const a = old.recognize(text);
      expect(loaded.recognize(text).best).toBe(a.best);
      expect(loaded.recognize(text).confidence).toBeCloseTo(a.confidence, 4);
    }
  });
});
