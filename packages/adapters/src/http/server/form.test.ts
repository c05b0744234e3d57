import {
  type FormInput,
  formSchema,
  submissionSchemaFor,
  ValidationError,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryAttachmentStore } from './attachments/store.js';
import { createHttpHandler } from './handler.js';
import {
  aSubmission,
  seededDesk,
  startServer,
  type TestServer,
} from './test-setup.js';

const FORM: FormInput = {
  fields: [
    { name: 'asset', kind: 'text', label: 'Asset tag', maxLength: 12 },
    {
      name: 'steps',
      kind: 'longText',
      label: 'Steps to reproduce',
      required: true,
    },
    {
      name: 'office',
      kind: 'select',
      label: 'Office',
      options: ['Berlin', 'Lyon'],
      required: true,
    },
    { name: 'urgent', kind: 'checkbox', label: 'Stops my work' },
    { name: 'since', kind: 'date', label: 'Since' },
  ],
};

let t: TestServer;
let bare: TestServer;
beforeAll(async () => {
  t = await startServer({ form: FORM });
  bare = await startServer();
});
afterAll(async () => {
  await t.close();
  await bare.close();
});

const issuesOf = async (response: Response) =>
  ((await response.json()).error.issues ?? []).map(
    (i: { path: unknown[]; message: string }) => ({
      path: i.path.join('.'),
      message: i.message,
    }),
  );

describe('GET /form', () => {
  it('serves the configured form with defaults filled, cacheable, with an ETag', async () => {
    const response = await t.call('/form');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = await response.json();
    expect(body).toEqual(formSchema.parse(FORM));
    expect(body.fields[0].required).toBe(false);
    expect(body.attachments).toBeNull();

    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{8}"$/);
    const again = await t.call('/form', {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  it('serves an empty form when none is configured', async () => {
    const response = await bare.call('/form');
    expect(await response.json()).toEqual({ fields: [], attachments: null });
  });
});

describe('form configuration', () => {
  const configure = async (form: unknown) => {
    const { desk } = await seededDesk();
    return () => createHttpHandler({ desk, form: form as FormInput });
  };

  it.each([
    [
      { fields: [{ name: 'x', kind: 'number', label: 'X' }] },
      'invalid form at fields.0.kind: kind must be one of: text, longText, select, checkbox, date',
    ],
    [
      { fields: [{ name: 'x', kind: 'select', label: 'X', options: [] }] },
      'invalid form at fields.0.options: a select needs at least one option',
    ],
    [
      { fields: [{ name: 'x', kind: 'text', label: 'X', option: 1 }] },
      'invalid form at fields.0',
    ],
    [
      {
        fields: [
          { name: 'x', kind: 'text', label: 'X' },
          { name: 'x', kind: 'date', label: 'Y' },
        ],
      },
      'invalid form at fields: field names must differ',
    ],
    [
      { fields: [{ name: '1x', kind: 'text', label: 'X' }] },
      'invalid form at fields.0.name: name must be a letter',
    ],
    [
      { attachments: { types: ['text/html'], maxBytes: 10 } },
      'invalid form at attachments.types.0: types must be among',
    ],
  ])('refuses a bad definition: %j', async (form, message) => {
    const build = await configure(form);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(message);
  });

  it('needs an attachment store when attachments are on', async () => {
    const { desk } = await seededDesk();
    const form = { attachments: { types: ['image/png'], maxBytes: 100 } };
    expect(() => createHttpHandler({ desk, form } as never)).toThrow(
      /attachmentStore/,
    );
    const store = createMemoryAttachmentStore();
    expect(() =>
      createHttpHandler({ desk, form, attachmentStore: store } as never),
    ).not.toThrow();
  });
});

describe('POST /tickets with a form', () => {
  const valid = {
    steps: 'Open the app, click print',
    office: 'Lyon',
    asset: 'PC-1234',
    urgent: true,
    since: '2025-03-01',
  };

  it('accepts fields that match and stores them on the ticket', async () => {
    const response = await t.call('/tickets', {
      body: aSubmission({ fields: valid }),
    });
    expect(response.status).toBe(201);
    const { ticket } = await response.json();
    expect((await t.desk.get(ticket.id))?.fields).toEqual(valid);
  });

  it.each([
    [{}, ['fields.steps', 'fields.office']],
    [{ ...valid, office: 'Paris' }, ['fields.office']],
    [{ ...valid, asset: 'x'.repeat(13) }, ['fields.asset']],
    [{ ...valid, since: '2025-02-30' }, ['fields.since']],
    [{ ...valid, urgent: 'yes' }, ['fields.urgent']],
    [{ ...valid, steps: '   ' }, ['fields.steps']],
    [{ ...valid, color: 'red' }, ['fields']],
  ])(
    'refuses %j with 422 and issues per field, as submissionSchemaFor does',
    async (fields, paths) => {
      const body = aSubmission({ fields });
      const before = (await t.desk.list({ limit: 100 })).items.length;
      const response = await t.call('/tickets', { body });
      expect(response.status).toBe(422);
      const issues = await issuesOf(response);
      expect(issues.map((i: { path: string }) => i.path)).toEqual(paths);

      // The same schema, as the widget runs it, finds the same issues.
      const local = submissionSchemaFor(formSchema.parse(FORM)).safeParse(body);
      expect(local.success).toBe(false);
      const expected = local.error?.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.message,
      }));
      expect(issues).toEqual(expected);
      expect((await t.desk.list({ limit: 100 })).items.length).toBe(before);
    },
  );

  it('names the field in a required field’s message', async () => {
    const response = await t.call('/tickets', { body: aSubmission() });
    const issues = await issuesOf(response);
    expect(issues).toContainEqual({
      path: 'fields.office',
      message: 'Office: choose an option',
    });
    expect(issues).toContainEqual({
      path: 'fields.steps',
      message: 'Steps to reproduce is required',
    });
  });

  it('still takes any custom fields when no form is configured', async () => {
    const response = await bare.call('/tickets', {
      body: aSubmission({ fields: { anything: 1 } }),
    });
    expect(response.status).toBe(201);
  });
});
