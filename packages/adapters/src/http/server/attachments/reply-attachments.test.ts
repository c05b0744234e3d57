import { LIMITS } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../test-setup.js';
import { type AttachmentStore, createMemoryAttachmentStore } from './store.js';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const text = (s: string) => new TextEncoder().encode(s);

const form = {
  fields: [],
  attachments: {
    types: ['image/png', 'text/plain'] as const,
    maxBytes: 1024,
    maxFiles: 2,
  },
};

describe('POST /tickets/:id/messages with attachments', () => {
  let t: TestServer;
  let store: AttachmentStore;
  beforeAll(async () => {
    store = createMemoryAttachmentStore();
    t = await startServer({ form, attachmentStore: store } as never);
  });
  afterAll(() => t.close());

  const upload = async (bytes: Uint8Array, name: string, key: string) => {
    const response = await fetch(`${t.api}/attachments?name=${name}`, {
      method: 'POST',
      headers: { 'idempotency-key': key },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    expect(response.status).toBe(201);
    return response.json();
  };
  const reply = (
    id: string,
    token: string,
    body: Record<string, unknown>,
    key?: string,
  ) =>
    t.call(`/tickets/${id}/messages`, {
      token,
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });
  const eventCount = async (id: string) => (await t.desk.events(id)).length;

  it('shows a requester’s reply files on that message and lets them download', async () => {
    const { id, token } = await t.submit();
    const key = 'reply-key-0001';
    const shot = await upload(PNG, 'shot.png', key);
    const log = await upload(text('log line\n'), 'app.log', key);

    const response = await reply(
      id,
      token,
      { body: 'Here is what I see.', attachments: [shot.id, log.id] },
      key,
    );
    expect(response.status).toBe(201);
    const { ticket } = await response.json();
    expect(ticket.messages).toHaveLength(2);
    expect(ticket.messages[1]).toMatchObject({
      author: 'requester',
      body: 'Here is what I see.',
      attachments: [shot, log],
    });

    const read = await (await t.call(`/tickets/${id}`, { token })).json();
    expect(read.messages[1].attachments).toEqual([shot, log]);
    expect((await store.get(shot.id))?.ticketId).toBe(id);
    const file = await t.call(`/tickets/${id}/attachments/${shot.id}`, {
      token,
    });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
  });

  it('refuses ids that do not resolve with VALIDATION_FAILED and writes nothing', async () => {
    const { id, token } = await t.submit();
    const mine = await upload(PNG, 'mine.png', 'owner-key-0001');
    const before = await eventCount(id);
    const cases = [
      { ids: ['att_0123456789abcdef0123456789abcdef'], key: 'owner-key-0001' },
      { ids: [mine.id], key: 'thief-key-0001' },
      { ids: [mine.id], key: undefined },
    ];
    for (const { ids, key } of cases) {
      const response = await reply(
        id,
        token,
        { body: 'With a file.', attachments: ids },
        key,
      );
      expect(response.status).toBe(422);
      const { error } = await response.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.issues[0].path).toEqual(['attachments', 0]);
    }
    expect(await eventCount(id)).toBe(before);
    expect((await store.get(mine.id))?.ticketId).toBeNull();
  });

  it('refuses a file another ticket took, one sent before, and one listed twice, writing nothing', async () => {
    const a = await t.submit();
    const b = await t.submit();
    const key = 'shared-key-0001';
    const shot = await upload(PNG, 'shot.png', key);
    const onA = await reply(
      a.id,
      a.token,
      { body: 'A', attachments: [shot.id] },
      key,
    );
    expect(onA.status).toBe(201);

    const before = await eventCount(b.id);
    const stolen = await reply(
      b.id,
      b.token,
      { body: 'B', attachments: [shot.id] },
      key,
    );
    expect(stolen.status).toBe(422);
    const { error } = await stolen.json();
    expect(error.issues[0]).toMatchObject({
      path: ['attachments', 0],
      message: 'this attachment belongs to another ticket',
    });
    expect((await store.get(shot.id))?.ticketId).toBe(a.id);

    // The same reply sent again may not list the file a second time.
    const beforeA = await eventCount(a.id);
    const again = await reply(
      a.id,
      a.token,
      { body: 'A', attachments: [shot.id] },
      key,
    );
    expect(again.status).toBe(422);
    expect((await again.json()).error.issues[0].message).toBe(
      'this attachment was sent with an earlier message',
    );
    expect(await eventCount(a.id)).toBe(beforeA);

    const log = await upload(text('x\n'), 'x.log', 'twice-key-0001');
    const twice = await reply(
      b.id,
      b.token,
      { body: 'B', attachments: [log.id, log.id] },
      'twice-key-0001',
    );
    expect(twice.status).toBe(422);
    const second = (await twice.json()).error.issues;
    expect(second.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['attachments', 1],
    ]);
    expect(await eventCount(b.id)).toBe(before);
  });

  it('makes a retried reply safe with If-Match: the second try is 412 and writes nothing, with files too', async () => {
    const { id, token } = await t.submit();
    const send = () =>
      t.call(`/tickets/${id}/messages`, {
        token,
        body: { body: 'Did it arrive?' },
        headers: { 'if-match': '"1"' },
      });
    expect((await send()).status).toBe(201);
    const before = await eventCount(id);
    const retry = await send();
    expect(retry.status).toBe(412);
    expect(await eventCount(id)).toBe(before);

    // With a file too: the retry is 412, not a complaint about the file.
    const key = 'retry-key-0001';
    const shot = await upload(PNG, 'retry.png', key);
    const headers = { 'if-match': `"${before}"`, 'idempotency-key': key };
    const sendFile = () =>
      t.call(`/tickets/${id}/messages`, {
        token,
        body: { body: 'And the picture', attachments: [shot.id] },
        headers,
      });
    expect((await sendFile()).status).toBe(201);
    const retried = await sendFile();
    expect(retried.status).toBe(412);
    expect((await retried.json()).error.code).toBe('VERSION_CONFLICT');
    expect(await eventCount(id)).toBe(before + 1);
  });

  it('refuses more ids than the schema or the form allows, writing nothing', async () => {
    const { id, token } = await t.submit();
    const key = 'many-key-0001';
    const file = await upload(PNG, 'one.png', key);
    const before = await eventCount(id);

    const overLimit = Array.from(
      { length: LIMITS.attachments + 1 },
      () => file.id,
    );
    const schema = await reply(
      id,
      token,
      { body: 'Many.', attachments: overLimit },
      key,
    );
    expect(schema.status).toBe(422);
    const schemaError = (await schema.json()).error;
    expect(schemaError.code).toBe('VALIDATION_FAILED');
    expect(schemaError.message).toMatch(
      `at most ${LIMITS.attachments} attachments`,
    );

    const overForm = [file.id, file.id, file.id];
    const formCap = await reply(
      id,
      token,
      { body: 'Three.', attachments: overForm },
      key,
    );
    expect(formCap.status).toBe(422);
    const formError = (await formCap.json()).error;
    expect(formError.code).toBe('VALIDATION_FAILED');
    expect(formError.issues[0].message).toBe('at most 2 attachments');
    expect(await eventCount(id)).toBe(before);
  });

  it('takes files on an agent’s reply, and none on an internal note', async () => {
    const { id, token } = await t.submit();
    const key = 'agent-key-0001';
    const fix = await upload(text('patch\n'), 'fix.txt', key);

    const note = await reply(
      id,
      t.keys.agent,
      { body: 'Internal.', visibility: 'internal', attachments: [fix.id] },
      key,
    );
    expect(note.status).toBe(422);
    expect((await note.json()).error.code).toBe('VALIDATION_FAILED');

    const response = await reply(
      id,
      t.keys.agent,
      { body: 'Apply this.', attachments: [fix.id] },
      key,
    );
    expect(response.status).toBe(201);
    const { event } = await response.json();
    expect(event.type).toBe('ticket.replied');
    expect(event.data.attachments).toEqual([fix]);

    const view = await (await t.call(`/tickets/${id}`, { token })).json();
    expect(view.messages.at(-1)).toMatchObject({
      author: 'agent',
      body: 'Apply this.',
      attachments: [fix],
    });
  });
});

describe('reply attachments turned off', () => {
  it('refuses a reply with ids (403) and takes one without', async () => {
    const t = await startServer();
    const { id, token } = await t.submit();
    const withFile = await t.call(`/tickets/${id}/messages`, {
      token,
      body: {
        body: 'A file.',
        attachments: ['att_0123456789abcdef0123456789abcdef'],
      },
      headers: { 'idempotency-key': 'off-key-00001' },
    });
    expect(withFile.status).toBe(403);
    const plain = await t.call(`/tickets/${id}/messages`, {
      token,
      body: { body: 'No file.' },
    });
    expect(plain.status).toBe(201);
    expect((await plain.json()).ticket.messages[1]).not.toHaveProperty(
      'attachments',
    );
    await t.close();
  });
});
