import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { formSchema, submissionSchemaFor } from './form.js';

const form = formSchema.parse({
  fields: [
    { name: 'asset', kind: 'text', label: 'Asset tag' },
    { name: 'agree', kind: 'checkbox', label: 'I agree', required: true },
  ],
  attachments: { types: ['text/plain'], maxBytes: 100 },
});
const base = {
  subject: 'Laptop',
  description: 'It beeps.',
  requester: { email: 'ada@example.com' },
};

describe('formSchema', () => {
  it('fills defaults: not required, five files, no attachments', () => {
    expect(formSchema.parse({})).toEqual({ fields: [], attachments: null });
    expect(form.fields[0]?.required).toBe(false);
    expect(form.attachments?.maxFiles).toBe(5);
  });
});

describe('submissionSchemaFor', () => {
  const schema = submissionSchemaFor(form);

  it('requires a required checkbox to be checked, and fills absent fields with {}', () => {
    const missing = schema.safeParse(base);
    expect(missing.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['fields', 'agree'], 'I agree must be checked'],
    ]);
    const ok = schema.parse({ ...base, fields: { agree: true } });
    expect(ok.fields).toEqual({ agree: true });
    const open = submissionSchemaFor(formSchema.parse({}));
    expect(open.parse(base).fields).toEqual({});
  });

  it('caps attachments at maxFiles, and at none without attachment rules', () => {
    const six = Array.from({ length: 6 }, (_, i) => `att_${i}`);
    expect(
      schema.safeParse({ ...base, fields: { agree: true }, attachments: six })
        .success,
    ).toBe(false);
    const none = submissionSchemaFor(formSchema.parse({}));
    const refused = none.safeParse({ ...base, attachments: ['att_1'] });
    expect(refused.error?.issues[0]?.message).toBe(
      'this form takes no attachments',
    );
  });
});

describe('attachments on a submitted ticket', () => {
  it('are recorded on the submitted event and listed on the public first message', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const file = { id: 'att_1', name: 'a.txt', size: 3, type: 'text/plain' };
    const { ticket, event } = await desk.submit({
      ...base,
      attachments: [file],
    });
    expect(event.data).toEqual({ attachments: [file] });
    const view = await desk.publicView(ticket.id);
    expect(view.messages[0]?.attachments).toEqual([file]);
    const plain = await desk.submit(base);
    expect(plain.event.data).toBeNull();
    const plainView = await desk.publicView(plain.ticket.id);
    expect(plainView.messages[0]).not.toHaveProperty('attachments');
  });
});
