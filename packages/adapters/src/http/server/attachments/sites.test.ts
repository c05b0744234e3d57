import { createDesk, createMemoryStore, type Desk } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode } from '../node.js';
import { createMultiSiteHandler } from '../sites.js';
import { aSubmission } from '../test-setup.js';
import { type AttachmentStore, createMemoryAttachmentStore } from './store.js';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const form = {
  fields: [],
  attachments: { types: ['image/png'] as const, maxBytes: 1024, maxFiles: 2 },
};

/** One ticket store and one attachment store under both sites. */
const store = createMemoryStore();
const files: AttachmentStore = createMemoryAttachmentStore();
const desks: Record<'a' | 'b', Desk> = {
  a: createDesk({ store, siteId: 'acme' }),
  b: createDesk({ store, siteId: 'globex' }),
};
const keys = { a: 'pk_acme', b: 'pk_globex' };
let url = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const sites = (['a', 'b'] as const).map((s) => ({
    id: desks[s].siteId,
    publicKey: keys[s],
    desk: desks[s],
    form,
    attachmentStore: files,
  }));
  const server = await serveNode(createMultiSiteHandler({ sites } as never));
  url = server.url;
  close = server.close;
});
afterAll(() => close());

const at = (s: 'a' | 'b', path: string) =>
  `${url}/api/v1/sites/${keys[s]}${path}`;

async function upload(s: 'a' | 'b', key: string): Promise<string> {
  const response = await fetch(at(s, '/attachments?name=shot.png'), {
    method: 'POST',
    headers: { 'idempotency-key': key, 'content-type': 'image/png' },
    body: PNG,
  });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

const submit = (s: 'a' | 'b', key: string, attachments: string[]) =>
  fetch(at(s, '/tickets'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(aSubmission({ attachments })),
  });

describe('attachments on several sites sharing one store', () => {
  it('give the same upload on two sites two ids, each recorded with its site', async () => {
    const key = 'shared-key-0001';
    const [a, b] = [await upload('a', key), await upload('b', key)];
    expect(a).not.toBe(b);
    expect((await files.get(a))?.siteId).toBe('acme');
    expect((await files.get(b))?.siteId).toBe('globex');
  });

  it("refuse another site's attachment id in a submission, even under its key", async () => {
    const key = 'shared-key-0002';
    const fromA = await upload('a', key);
    const response = await submit('b', key, [fromA]);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.issues[0].path).toEqual(['attachments', 0]);
    expect((await files.get(fromA))?.ticketId).toBeNull();
    expect((await submit('a', key, [fromA])).status).toBe(201);
  });

  it('refuse a download of a file whose record names another site', async () => {
    const key = 'shared-key-0003';
    const id = await upload('b', key);
    const created = await submit('b', key, [id]);
    const { ticket, accessToken } = await created.json();
    const path = `/tickets/${ticket.id}/attachments/${id}`;
    const get = () =>
      fetch(at('b', path), {
        headers: { authorization: `Bearer ${accessToken}` },
      });
    expect((await get()).status).toBe(200);
    // A record that says it belongs to acme is not served on globex.
    const record = await files.get(id);
    const moved = createMemoryAttachmentStore();
    await moved.put({ ...record!, siteId: 'acme' }, PNG);
    const original = files.get;
    files.get = (wanted) => (wanted === id ? moved.get(id) : original(wanted));
    try {
      const refused = await get();
      expect(refused.status).toBe(404);
      expect((await refused.json()).error.code).toBe('NOT_FOUND');
    } finally {
      files.get = original;
    }
  });
});
