import {
  type Form,
  formSchema,
  replyInputSchema,
  submissionSchema,
  submissionSchemaFor,
} from '@ticketry/core/public';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Validator } from './rules.js';
import { replyCheck, submissionCheckFor } from './submission-check.js';

/** The parts of an issue the widget reads, in the order reported. */
function outcome(validator: Validator<unknown>, value: unknown) {
  const result = validator.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({
      path: i.path.map(String),
      code: i.code,
      message: i.message,
      ...(i.maximum !== undefined && { maximum: Number(i.maximum) }),
      ...(i.format !== undefined && { format: i.format }),
    })),
  };
}

const FORMS: Record<string, Form | null> = {
  'no form': null,
  'an empty form': formSchema.parse({}),
  'every kind of field': formSchema.parse({
    fields: [
      { name: 'asset', kind: 'text', label: 'Asset tag', maxLength: 8 },
      { name: 'steps', kind: 'longText', label: 'Steps', required: true },
      {
        name: 'os',
        kind: 'select',
        label: 'System',
        required: true,
        options: ['Linux', 'macOS', 'Windows'],
      },
      { name: 'agree', kind: 'checkbox', label: 'Agree', required: true },
      { name: 'urgent', kind: 'checkbox', label: 'Urgent' },
      { name: 'since', kind: 'date', label: 'Since' },
      { name: 'due', kind: 'date', label: 'Due', required: true },
      { name: 'note', kind: 'text', label: 'Note' },
    ],
    attachments: { types: ['image/png'], maxBytes: 1000, maxFiles: 2 },
  }),
  'attachments without a cap on files': formSchema.parse({
    attachments: { types: ['text/plain'], maxBytes: 10 },
  }),
};

/** Text around each limit, with spaces, control characters and halves. */
const texts = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '  \t\n',
    'ok',
    '  padded  ',
    'bell\u0007',
    ' \u0001 ',
    'tab\tand\nnewline',
    'lone \ud800 half',
    'invoice\u202egnp.exe',
    'isolate \u2067x\u2069 and marks \u200f\u200e',
    'pair \ud83d\ude00',
    'Linux',
    'linux',
    'macOS',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    '2024-1-1',
    '1900-02-29',
    '2000-02-29',
    '0000-02-29',
    '2026-04-31',
    '2026-00-10',
    'ada@example.com',
    'ada@example',
    'ada..b@example.com',
    'ü@exämple.de',
    'att_1',
    '-att',
    'x'.repeat(8),
    'x'.repeat(9),
    'x'.repeat(64),
    'x'.repeat(65),
    'x'.repeat(120),
    'x'.repeat(121),
    'x'.repeat(200),
    ` ${'x'.repeat(200)} `,
    'x'.repeat(201),
    'x'.repeat(2000),
    'x'.repeat(2001),
    `${'a'.repeat(250)}@b.co`,
    '\u{1f600}'.repeat(200),
    '\u{1f600}'.repeat(201),
    `${'x'.repeat(199)}\ud800`,
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** Values of every type a JSON body (or a bug) could hold. */
const values = fc.oneof(
  { weight: 6, arbitrary: texts },
  fc.constantFrom(undefined, null, true, false, 0, 7, 1.5, Number.NaN, []),
  fc.constant({}),
);

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined, freq: 3 });

const fieldNames = fc.constantFrom(
  'asset',
  'steps',
  'os',
  'agree',
  'urgent',
  'since',
  'due',
  'note',
  'unknown',
  'k'.repeat(65),
);

const fields = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fieldNames, values, { maxKeys: 9 }) },
  values,
  fc.constant(
    Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])),
  ),
);

const ids = fc.oneof(
  fc.array(fc.constantFrom('att_1', 'att-2', '-bad', '', 3), { maxLength: 12 }),
  values,
);

/** Submissions: mostly well-formed objects, some parts wrong. */
const submissions = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        subject: maybe(values),
        description: maybe(values),
        requester: maybe(
          fc.oneof(
            fc.record(
              { email: maybe(values), name: maybe(values) },
              {
                requiredKeys: [],
              },
            ),
            values,
          ),
        ),
        category: maybe(values),
        fields: maybe(fields),
        attachments: maybe(ids),
        extra: maybe(values),
      },
      { requiredKeys: [] },
    ),
  },
  values,
);

describe('the widget validates a submission exactly as the server does', () => {
  for (const [name, form] of Object.entries(FORMS)) {
    it(`agrees with the server's schema on ${name}`, () => {
      const server = form ? submissionSchemaFor(form) : submissionSchema;
      const widget = submissionCheckFor(form);
      fc.assert(
        fc.property(submissions, (input) => {
          expect(outcome(widget, input)).toEqual(outcome(server, input));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('agrees on a valid submission with every kind of field', () => {
    const form = FORMS['every kind of field']!;
    const input = {
      subject: '  VPN drops  ',
      description: 'Every hour.',
      requester: { email: 'ada@example.com', name: ' Ada ' },
      category: 'Network',
      fields: { steps: 'Connect', os: 'Linux', agree: true, due: '2024-02-29' },
      attachments: ['att_1'],
    };
    const widget = outcome(submissionCheckFor(form), input);
    expect(widget.ok).toBe(true);
    expect(widget).toEqual(outcome(submissionSchemaFor(form), input));
  });

  it("agrees with the server's reply schema", () => {
    fc.assert(
      fc.property(maybe(fc.record({ body: values })), (input) => {
        expect(outcome(replyCheck, input)).toEqual(
          outcome(replyInputSchema, input),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
