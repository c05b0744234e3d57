import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSubmission, startServer, type TestServer } from '../test-setup.js';
import { createFileAttachmentStore } from './file-store.js';
import { type AttachmentStore, createMemoryAttachmentStore } from './store.js';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const text = (s: string) => new TextEncoder().encode(s);
const MAX = 1024;

const form = {
  fields: [],
  attachments: {
    types: ['image/png', 'application/pdf', 'text/plain'] as const,
    maxBytes: MAX,
    maxFiles: 2,
  },
};

type Upload = { bytes: Uint8Array; name?: string; type?: string; key?: string };

function suite(name: string, makeStore: () => Promise<AttachmentStore>) {
  describe(`attachments (${name} store)`, () => {
    let t: TestServer;
    let store: AttachmentStore;
    let claimed = '';
    beforeAll(async () => {
      store = await makeStore();
      t = await startServer({ form, attachmentStore: store } as never);
    });
    afterAll(() => t.close());

    const upload = ({ bytes, name = 'shot.png', type, key }: Upload) =>
      fetch(`${t.api}/attachments?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          ...(type && { 'content-type': type }),
          ...(key && { 'idempotency-key': key }),
        },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    const errorOf = async (response: Response) => (await response.json()).error;

    it('stores a file under the submission’s key; a retry answers the same id', async () => {
      const key = 'key-retry-0001';
      const first = await upload({ bytes: PNG, type: 'image/png', key });
      expect(first.status).toBe(201);
      const info = await first.json();
      expect(info).toEqual({
        id: expect.stringMatching(/^att_[0-9a-f]{32}$/),
        name: 'shot.png',
        size: PNG.byteLength,
        type: 'image/png',
      });
      const second = await upload({ bytes: PNG, type: 'image/png', key });
      expect((await second.json()).id).toBe(info.id);
    });

    it('recognises the type from the bytes when none is declared', async () => {
      const response = await upload({
        bytes: text('%PDF-1.7\n...'),
        name: 'report',
        key: 'key-pdf-00001',
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        type: 'application/pdf',
        name: 'report.pdf',
      });
    });

    it.each([
      [
        'a declared type the bytes contradict',
        PNG,
        'application/pdf',
        422,
        /is image\/png, not the declared application\/pdf/,
      ],
      [
        'HTML',
        text('<!doctype html><script>alert(1)</script>'),
        'text/plain',
        422,
        /HTML, SVG and XML/,
      ],
      [
        'SVG',
        text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'image/svg+xml',
        422,
        /HTML, SVG and XML/,
      ],
      [
        'a type not on the list',
        GIF,
        'image/gif',
        422,
        /image\/gif files are not accepted/,
      ],
      [
        'unknown bytes',
        new Uint8Array([0, 1, 2, 3, 0xff]),
        undefined,
        422,
        /none of/,
      ],
      ['an empty file', new Uint8Array(0), 'text/plain', 422, /empty/],
      [
        'a file over the cap',
        new Uint8Array(MAX + 1).fill(65),
        'text/plain',
        413,
        /larger than 1024 bytes/,
      ],
    ])('refuses %s', async (_, bytes, type, status, message) => {
      const response = await upload({ bytes, type, key: 'key-refused-01' });
      expect(response.status).toBe(status);
      expect((await errorOf(response)).message).toMatch(message);
    });

    it('refuses an upload without an Idempotency-Key', async () => {
      const response = await upload({ bytes: PNG });
      expect(response.status).toBe(422);
      expect((await errorOf(response)).issues[0].path).toEqual([
        'headers',
        'idempotency-key',
      ]);
    });

    it('refuses a file name that hides its ending behind a direction override', async () => {
      const response = await upload({
        bytes: PNG,
        name: 'invoice\u202egnp.exe',
        key: 'key-bidi-0001',
      });
      expect(response.status).toBe(422);
      const error = await errorOf(response);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/direction override/);
    });

    it('refuses line breaks and tabs in a file name, as other control characters', async () => {
      for (const [i, name] of [
        'a\r\nX-Evil: 1.txt',
        'tab\there.txt',
      ].entries()) {
        const response = await upload({
          bytes: PNG,
          name,
          key: `key-ctl-000${i}`,
        });
        expect(response.status).toBe(422);
        expect((await errorOf(response)).issues[0].path).toEqual([
          'query',
          'name',
        ]);
      }
    });

    it('gives text named like a page a text extension', async () => {
      const response = await upload({
        bytes: text('plain words\n<b>not first</b>'),
        name: '../../notes.html',
        key: 'key-names-0001',
      });
      expect(await response.json()).toMatchObject({
        type: 'text/plain',
        name: 'notes.html.txt',
      });
    });

    it('records the files on the ticket and serves them only as downloads', async () => {
      const key = 'key-submit-0001';
      const a = await (
        await upload({ bytes: PNG, name: 'screen shot.png', key })
      ).json();
      const b = await (
        await upload({ bytes: text('log line\n'), name: 'app.log', key })
      ).json();
      const submitted = await t.call('/tickets', {
        body: aSubmission({ attachments: [a.id, b.id] }),
        headers: { 'idempotency-key': key },
      });
      expect(submitted.status).toBe(201);
      const { ticket, accessToken } = await submitted.json();
      expect(ticket.messages[0].attachments).toEqual([a, b]);
      expect((await store.get(a.id))?.ticketId).toBe(ticket.id);
      claimed = a.id;

      const url = `/tickets/${ticket.id}/attachments/${a.id}`;
      const file = await t.call(url, { token: accessToken });
      expect(file.status).toBe(200);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
      expect(Object.fromEntries(file.headers)).toMatchObject({
        'content-type': 'image/png',
        'content-disposition': `attachment; filename="screen shot.png"; filename*=UTF-8''screen%20shot.png`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
      });

      const byQuery = await t.call(
        `/tickets/${ticket.id}/attachments/${b.id}?access_token=${accessToken}`,
      );
      expect(byQuery.status).toBe(200);
      expect(byQuery.headers.get('content-type')).toBe(
        'text/plain; charset=utf-8',
      );
      expect(await byQuery.text()).toBe('log line\n');

      const other = await t.submit();
      const foreign = await t.call(url, { token: other.token });
      expect(foreign.status).toBe(403);
      const notOnIt = await t.call(`/tickets/${other.id}/attachments/${a.id}`, {
        token: other.token,
      });
      expect(notOnIt.status).toBe(404);
      const anonymous = await t.call(url);
      expect(anonymous.status).toBe(401);

      const replay = await t.call('/tickets', {
        body: aSubmission({ attachments: [a.id, b.id] }),
        headers: { 'idempotency-key': key },
      });
      expect(replay.status).toBe(200);
      expect((await replay.json()).ticket.id).toBe(ticket.id);
    });

    it('refuses attachments uploaded under another key, or too many, writing nothing', async () => {
      const mine = await (
        await upload({ bytes: PNG, key: 'key-owner-0001' })
      ).json();
      const before = (await t.desk.list({ limit: 100 })).items.length;
      const stolen = await t.call('/tickets', {
        body: aSubmission({ attachments: [mine.id] }),
        headers: { 'idempotency-key': 'key-thief-0001' },
      });
      expect(stolen.status).toBe(422);
      expect((await errorOf(stolen)).issues[0].path).toEqual([
        'attachments',
        0,
      ]);
      const unkeyed = await t.call('/tickets', {
        body: aSubmission({ attachments: [mine.id] }),
      });
      expect(unkeyed.status).toBe(422);
      const many = await t.call('/tickets', {
        body: aSubmission({ attachments: [mine.id, mine.id, mine.id] }),
        headers: { 'idempotency-key': 'key-owner-0001' },
      });
      expect(many.status).toBe(422);
      expect((await errorOf(many)).message).toMatch(/at most 2 attachments/);
      expect((await t.desk.list({ limit: 100 })).items.length).toBe(before);
    });

    it('purges files no ticket took, and keeps the others', async () => {
      const key = 'key-purge-0001';
      const loose = await (
        await upload({ bytes: text('loose\n'), name: 'a.txt', key })
      ).json();
      const purged = await store.purge(
        new Date(Date.now() + 1000).toISOString(),
      );
      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await store.get(loose.id)).toBeNull();
      expect(claimed).not.toBe('');
      expect((await store.get(claimed))?.ticketId).not.toBeNull();
      expect(await store.read(claimed)).toEqual(PNG);
    });
  });
}

const dirs: string[] = [];
suite('memory', async () => createMemoryAttachmentStore());
suite('file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ticketry-attachments-'));
  dirs.push(dir);
  return createFileAttachmentStore(dir);
});
afterAll(async () => {
  for (const dir of dirs) {
    expect((await readdir(dir)).some((f) => f.endsWith('.tmp'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  }
});

describe('attachments turned off', () => {
  it('answers an upload with 403', async () => {
    const t = await startServer();
    const response = await fetch(`${t.api}/attachments?name=a.png`, {
      method: 'POST',
      headers: { 'idempotency-key': 'key-off-00001' },
      body: PNG,
    });
    expect(response.status).toBe(403);
    await t.close();
  });
});
