import { describe, expect, it } from 'vitest';
import { evaluateIntents, QA_SITES, qaIntents } from './qa-intents.js';
import {
  createIntentRecognizer,
  intentRecognizerFromJSON,
} from './recognizer.js';

/** The targets: what TF-IDF with logistic regression gets. */
const TARGET = { 'askubuntu.com': 0.89, 'webapps.stackexchange.com': 0.68 };

describe('the intent recognizer on data/support-qa-stackexchange', () => {
  it('uses the corpus split: 83 training and 168 test rows in all', () => {
    const sizes = QA_SITES.map((s) => qaIntents(s));
    expect(sizes.reduce((n, s) => n + s.train.length, 0)).toBe(83);
    expect(sizes.reduce((n, s) => n + s.test.length, 0)).toBe(168);
  });

  for (const site of QA_SITES) {
    it(`reaches the target accuracy on the ${site} test rows`, () => {
      const e = evaluateIntents(site, createIntentRecognizer());
      expect(e.accuracy).toBeGreaterThanOrEqual(TARGET[site]);
      expect(e.accuracy).toBeGreaterThanOrEqual(e.baseline);
    });

    it(`is more often right above its threshold on ${site}`, () => {
      const e = evaluateIntents(site, createIntentRecognizer());
      expect(e.coverage).toBeGreaterThan(0.5);
      expect(e.coverage).toBeLessThanOrEqual(1);
      expect(e.accuracyAtCoverage).toBeGreaterThanOrEqual(e.accuracy);
    });
  }
});

describe('createIntentRecognizer', () => {
  const examples = [
    { text: 'I forgot my password', intent: 'password' },
    { text: 'reset my password please', intent: 'password' },
    { text: 'cannot sign in, password expired', intent: 'password' },
    { text: 'when are you open', intent: 'hours' },
    { text: 'what are your opening hours', intent: 'hours' },
    { text: 'are you open on saturday', intent: 'hours' },
  ];

  it('names the intent of a message it has not seen', () => {
    const r = createIntentRecognizer({ threshold: 0.3 });
    r.train(examples);
    expect(r.recognize('password reset').intent).toBe('password');
    expect(r.recognize('open on sunday?').intent).toBe('hours');
  });

  it('gives no intent under the threshold but keeps the best guess', () => {
    const r = createIntentRecognizer({ threshold: 0.99 });
    r.train(examples);
    const answer = r.recognize('the printer is on fire');
    expect(answer.intent).toBeNull();
    expect(answer.best).not.toBeNull();
    expect(answer.intents.map((i) => i.intent).sort()).toEqual([
      'hours',
      'password',
    ]);
  });

  it('round-trips through JSON with the same answers', () => {
    const r = createIntentRecognizer();
    r.train(qaIntents('webapps.stackexchange.com').train);
    const copy = intentRecognizerFromJSON(
      JSON.parse(JSON.stringify(r.toJSON())),
    );
    const { test } = qaIntents('webapps.stackexchange.com');
    for (const e of test.slice(0, 20)) {
      const a = r.recognize(e.text);
      const b = copy.recognize(e.text);
      expect(b.best).toBe(a.best);
      expect(b.confidence).toBeCloseTo(a.confidence, 4);
    }
    expect(copy.threshold).toBe(r.threshold);
  });

  it('refuses bad options and a malformed model', () => {
    expect(() => createIntentRecognizer({ l2: -1 })).toThrow(/l2/);
    expect(() => intentRecognizerFromJSON({ format: 'x' })).toThrow(
      /recognizer/,
    );
    expect(() => createIntentRecognizer().train([])).toThrow(/example/);
  });
});
