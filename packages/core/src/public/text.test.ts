import { describe, expect, it } from 'vitest';
import { agentInputSchema } from '../schemas/people.js';
import { requesterInputSchema } from './submission.js';
import { fileNameProblem } from './text.js';

const accepted = [
  'ada@example.com',
  'first.last+tag@mail.example.co.uk',
  'josé@exemple.fr',
  '用户@例子.广告',
  'пользователь@пример.рф',
  'user@xn--e1afmkfd.xn--p1ai',
  "o'brien@example.ie",
];

const refused = [
  'plain',
  'a@b',
  '@example.com',
  'a@',
  'two@@example.com',
  'space @example.com',
  '.dot@example.com',
  'dot.@example.com',
  'double..dot@example.com',
  'a@-bad.example.com',
  'a@example.c',
  'a@example.123',
  '"quoted"@example.com',
  `${'x'.repeat(65)}@example.com`,
];

describe('email addresses', () => {
  it.each(accepted)('accepts %s for requesters and agents', (email) => {
    expect(requesterInputSchema.safeParse({ email }).success).toBe(true);
    expect(
      agentInputSchema.safeParse({ name: 'A', role: 'agent', email }).success,
    ).toBe(true);
  });

  it.each(refused)('refuses %s', (email) => {
    const result = requesterInputSchema.safeParse({ email });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['email']);
  });
});

describe('text checks', () => {
  it('refuses control characters and lone surrogates, keeps pairs', async () => {
    const { hasControlCharacters } = await import('./text.js');
    expect(hasControlCharacters('ok\ttab\nline')).toBe(false);
    expect(hasControlCharacters('emoji 👩‍💻 and 🇫🇷')).toBe(false);
    expect(hasControlCharacters('nul\u0000')).toBe(true);
    expect(hasControlCharacters('lone \ud800 high')).toBe(true);
    expect(hasControlCharacters('lone \udc00 low')).toBe(true);
    expect(hasControlCharacters('ends high \ud83d')).toBe(true);
    expect(hasControlCharacters('reversed \udc69\ud83d')).toBe(true);
  });
});

describe('direction controls', () => {
  const base = {
    subject: 'VPN drops',
    description: 'Since Monday',
    requester: { email: 'ada@example.com' },
  };

  it('refuses overrides and isolates in the subject, name and category', async () => {
    const { submissionSchema } = await import('./submission.js');
    for (const bad of ['\u202e', '\u202a', '\u2066', '\u2069']) {
      const subject = submissionSchema.safeParse({
        ...base,
        subject: `invoice${bad}gnp.exe`,
      });
      expect(subject.error?.issues[0]?.message).toBe(
        'subject must not contain direction override characters',
      );
      const name = submissionSchema.safeParse({
        ...base,
        requester: { email: 'ada@example.com', name: `Ada${bad}` },
      });
      expect(name.success).toBe(false);
      const category = submissionSchema.safeParse({ ...base, category: bad });
      expect(category.success).toBe(false);
    }
  });

  it('keeps them in descriptions, and keeps the plain direction marks', async () => {
    const { submissionSchema } = await import('./submission.js');
    const kept = submissionSchema.safeParse({
      ...base,
      subject: 'שלום \u200fRTL\u200e mark',
      description: 'quoted \u202eevil\u202c text',
    });
    expect(kept.success).toBe(true);
  });
});

describe('fileNameProblem', () => {
  it('names the one rule a file name breaks, in the order the server checks them', () => {
    const cases: [string, string | null][] = [
      ['report.pdf', null],
      ['', 'empty'],
      ['..', 'dots'],
      ['a\tb.txt', 'control'],
      ['invoice\u202etxt.exe', 'direction'],
      ['a'.repeat(201), 'long'],
      ['a'.repeat(200), null],
    ];
    for (const [name, problem] of cases) {
      expect(fileNameProblem(name), name).toBe(problem);
    }
  });
});
