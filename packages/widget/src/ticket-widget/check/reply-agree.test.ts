import { replyInputSchema } from '@ticketry/core/public';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Validator } from './rules.js';
import { replyCheck } from './submission-check.js';

/** What the widget reads of a check's result: data, or each issue. */
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
    })),
  };
}

const bodies = fc.oneof(
  fc.constantFrom(
    '',
    '  ',
    'Here is the log.',
    'bell\u0007',
    'x'.repeat(20_001),
  ),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(undefined, null, 7, true, {}),
);

/** Lists of ids around the limit of 10, some not ids at all. */
const ids = fc.oneof(
  fc.array(fc.constantFrom('att_1', 'att-2', '-bad', '', 3, null), {
    maxLength: 12,
  }),
  fc.constantFrom(undefined, null, 'att_1', 0, {}, { length: 11 }),
);

describe('the widget checks a reply with files as the server does', () => {
  it("agrees with the server's reply schema on attachments", () => {
    fc.assert(
      fc.property(
        fc.record({ body: bodies, attachments: ids }, { requiredKeys: [] }),
        (input) => {
          expect(outcome(replyCheck, input)).toEqual(
            outcome(replyInputSchema, input),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts a reply with ten ids and refuses eleven', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `att_${i}`);
    expect(
      replyCheck.safeParse({ body: 'Log', attachments: ten }).success,
    ).toBe(true);
    const eleven = outcome(replyCheck, {
      body: 'Log',
      attachments: [...ten, 'att_x'],
    });
    expect(eleven).toEqual(
      outcome(replyInputSchema, {
        body: 'Log',
        attachments: [...ten, 'att_x'],
      }),
    );
    expect(eleven.ok).toBe(false);
  });
});
