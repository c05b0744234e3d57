import { createHttpHandler } from '@ticketry/adapters/http/server';
import {
  attachmentInfoSchema,
  createDesk,
  createMemoryStore,
  formSchema,
  publicTicketSchema,
  submitResponseSchema,
} from '@ticketry/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentInfoCheck,
  formCheck,
  submitResponseCheck,
  ticketCheck,
} from './answers.js';
import type { Validator } from './rules.js';

const same = (a: Validator<unknown>, b: Validator<unknown>, value: unknown) => {
  const x = a.safeParse(value);
  const y = b.safeParse(value);
  expect(x.success).toBe(y.success);
  if (x.success && y.success) expect(x.data).toEqual(y.data);
};

/** A real answer of `POST /tickets`, from the HTTP API over a memory desk. */
async function realAnswer(): Promise<Record<string, unknown>> {
  const api = createHttpHandler({
    desk: createDesk({ store: createMemoryStore() }),
  });
  const response = await api(
    new Request('http://127.0.0.1/api/v1/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Printer on floor 3 jams',
        description: 'Every second page since the toner change.',
        requester: { email: 'ada@example.com', name: 'Ada' },
      }),
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

const instants = fc.oneof(
  fc.constantFrom(
    '2026-03-01T09:30:00.000Z',
    '2026-03-01T09:30:00Z',
    '2026-03-01T09:30Z',
    '2026-03-01T24:00:00Z',
    '2026-02-29T10:00:00Z',
    '2024-02-29T10:00:00.1Z',
    '2000-02-29T10:00:00Z',
    '1900-02-29T10:00:00Z',
    '2026-03-01T09:30:00+01:00',
    '2026-03-01 09:30:00Z',
    '2026-13-01T09:30:00Z',
    '2026-04-31T09:30:00Z',
    '0000-02-29T00:00:00Z',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 26 }),
);

describe("the widget reads the server's answers as its schemas do", () => {
  it('accepts a real answer and keeps what the schema keeps', async () => {
    const answer = await realAnswer();
    const extra = { ...answer, ticket: { ...(answer.ticket as object), x: 1 } };
    for (const value of [answer, extra]) {
      same(submitResponseCheck, submitResponseSchema, value);
      expect(submitResponseCheck.safeParse(value).success).toBe(true);
    }
  });

  it('refuses a ticket with any key missing or of the wrong type', async () => {
    const ticket = (await realAnswer()).ticket as Record<string, unknown>;
    for (const key of Object.keys(ticket)) {
      for (const wrong of [undefined, null, 7, 'text', [], {}]) {
        same(ticketCheck, publicTicketSchema, { ...ticket, [key]: wrong });
      }
    }
  });

  it('agrees on instants', async () => {
    const ticket = (await realAnswer()).ticket as Record<string, unknown>;
    fc.assert(
      fc.property(instants, (at) => {
        same(ticketCheck, publicTicketSchema, { ...ticket, updatedAt: at });
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on attachment records', () => {
    const file = { id: 'att_1', name: 'a.png', size: 10, type: 'image/png' };
    for (const value of [file, { ...file, size: '10' }, { ...file, id: 1 }]) {
      same(attachmentInfoCheck, attachmentInfoSchema, value);
    }
  });

  it('reads a published form with the defaults the schema fills in', () => {
    const forms = [
      {},
      { fields: [{ name: 'asset', kind: 'text', label: 'Asset' }] },
      {
        fields: [
          { name: 'os', kind: 'select', label: 'OS', options: ['Linux'] },
          { name: 'ok', kind: 'checkbox', label: 'OK', required: true },
          { name: 'due', kind: 'date', label: 'Due', hint: 'When' },
          { name: 'long', kind: 'longText', label: 'More', maxLength: 9 },
        ],
        attachments: { types: ['image/png'], maxBytes: 100 },
      },
      { fields: [{ name: 'os', kind: 'select', label: 'OS' }] },
      { fields: [{ name: '1x', kind: 'text', label: 'X' }] },
      { fields: [{ name: 'x', kind: 'radio', label: 'X' }] },
      { attachments: { types: ['image/bmp'], maxBytes: 100 } },
      { fields: 'none' },
    ];
    for (const form of forms) same(formCheck, formSchema, form);
  });
});
