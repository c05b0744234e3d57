import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type FormField, submissionSchemaFor } from '../../public/form.js';
import { ASSISTANT_LOCALES, assistantText } from '../i18n/index.js';
import { questionsFor } from './collect-questions.js';

const fields: FormField[] = [
  {
    name: 'site',
    kind: 'select',
    label: 'Büro',
    options: ['Berlin', 'Lyon'],
    required: true,
  },
  { name: 'ok', kind: 'checkbox', label: 'Datenschutz', required: true },
  { name: 'since', kind: 'date', label: 'Seit', required: true },
  {
    name: 'asset',
    kind: 'text',
    label: 'Inventar',
    required: true,
    maxLength: 5,
  },
];
const questionsIn = (locale: (typeof ASSISTANT_LOCALES)[number]) =>
  questionsFor(fields, {
    haveSubject: true,
    haveEmail: false,
    categories: [],
    locale,
  });
const refusal = (
  locale: (typeof ASSISTANT_LOCALES)[number],
  key: string,
  text: string,
) => {
  const q = questionsIn(locale).find((x) => x.key === key)!;
  const r = q.parse({ text });
  return r.ok ? null : r.message;
};

describe('refused answers', () => {
  it('are worded in German in a German conversation', () => {
    expect(refusal('de', 'email', 'not an address')).toBe(
      assistantText('de', 'invalidEmail'),
    );
    expect(refusal('de', 'fields.site', 'Paris')).toBe(
      'Büro: Bitte wählen Sie eine der Optionen.',
    );
    expect(refusal('de', 'email', 'not an address')).not.toMatch(/must be/);
  });

  for (const locale of ASSISTANT_LOCALES) {
    it(`${locale}: every refusal is the catalog's, the label as the form gives it`, () => {
      const about = (message: string, label: string) =>
        assistantText(locale, 'aboutField', { label, message });
      const t = (key: Parameters<typeof assistantText>[1], max = '') =>
        assistantText(locale, key, { max });
      expect(refusal(locale, 'email', 'nope')).toBe(t('invalidEmail'));
      expect(refusal(locale, 'fields.site', 'Paris')).toBe(
        about(t('chooseOne'), 'Büro'),
      );
      expect(refusal(locale, 'fields.ok', 'no')).toBe(
        about(t('mustBeYes'), 'Datenschutz'),
      );
      expect(refusal(locale, 'fields.since', '3 March')).toBe(
        about(t('askDate'), 'Seit'),
      );
      expect(refusal(locale, 'fields.asset', 'PC-00042')).toBe(
        about(t('answerTooLong', '5'), 'Inventar'),
      );
      expect(refusal(locale, 'fields.asset', 'PC\u0007')).toBe(
        about(t('answerControl'), 'Inventar'),
      );
      expect(refusal(locale, 'description', 'x'.repeat(20_001))).toBe(
        t('answerTooLong', '20000'),
      );
    });
  }
});

describe('the email question', () => {
  const server = submissionSchemaFor({ fields: [], attachments: null });
  const serverTakes = (email: string) =>
    z.safeParse(server, {
      subject: 'x',
      description: 'y',
      requester: { email },
    }).success;
  const email = questionsIn('en').find((q) => q.key === 'email')!;

  it('accepts exactly the addresses POST /tickets accepts', () => {
    const corpus = [
      'a@b.c',
      'a@b.co',
      'ada@example.com',
      'A.Lovelace+desk@Example.COM',
      'jörg@müller.de',
      'user@xn--mller-kva.de',
      'a..b@example.com',
      '.a@example.com',
      'a.@example.com',
      'a@example',
      'a@-example.com',
      'a b@example.com',
      'a@example.c0m',
      'a@1.example.com',
      `${'x'.repeat(64)}@example.com`,
      `${'x'.repeat(65)}@example.com`,
      `a@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(60)}.com`,
      '',
    ];
    for (const address of corpus) {
      expect(email.parse({ text: address }).ok, address).toBe(
        serverTakes(address),
      );
    }
    // The report's address: the server refuses it (a top-level label
    // has two letters or more), so the assistant must too.
    expect(serverTakes('a@b.c')).toBe(false);
  });

  it('takes a typed address with spaces around it, as the form does', () => {
    const r = email.parse({ text: '  ada@example.com ' });
    expect(r).toEqual({ ok: true, value: 'ada@example.com' });
    expect(serverTakes('ada@example.com')).toBe(true);
  });
});
