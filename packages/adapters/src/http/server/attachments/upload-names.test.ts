import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSubmission, startServer, type TestServer } from '../test-setup.js';
import { createMemoryAttachmentStore } from './store.js';

const text = new TextEncoder().encode('plain words\n');
const form = {
  fields: [],
  attachments: { types: ['text/plain'] as const, maxBytes: 1024, maxFiles: 3 },
};

let t: TestServer;
beforeAll(async () => {
  const attachmentStore = createMemoryAttachmentStore();
  t = await startServer({ form, attachmentStore } as never);
});
afterAll(() => t.close());

/** Uploads under `key`, the query written as given (already encoded). */
const upload = (query: string, key: string) =>
  fetch(`${t.api}/attachments${query}`, {
    method: 'POST',
    headers: { 'idempotency-key': key },
    body: text,
  });

const errorOf = async (response: Response) => {
  expect(response.status).toBe(422);
  const { error } = await response.json();
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.issues[0].path).toEqual(['query', 'name']);
  return error.message as string;
};

describe('POST /attachments?name=', () => {
  it('says a name of folders alone is empty, and one of dots alone names no file, not that it holds control characters', async () => {
    const cases: [string, RegExp][] = [
      ['/', /empty once its folders are dropped/],
      ['..%2F', /empty once its folders are dropped/],
      ['docs%2F', /empty once its folders are dropped/],
      ['.', /dots alone names no file/],
      ['..', /dots alone names no file/],
      ['...', /dots alone names no file/],
      ['%20.%20', /dots alone names no file/],
    ];
    for (const [i, [query, reason]] of cases.entries()) {
      const message = await errorOf(
        await upload(`?name=${query}`, `k-dot-${i}0000`),
      );
      expect(message, query).toMatch(reason);
      expect(message, query).not.toMatch(/control|direction/);
    }
  });

  it('names the real reason for a missing, long or disguised name', async () => {
    const cases: [string, RegExp][] = [
      ['', /send the file name as \?name=/],
      ['?name=', /the file name is blank/],
      ['?name=%20', /the file name is blank/],
      [`?name=${'a'.repeat(201)}`, /at most 200 characters/],
      ['?name=tab%09here.txt', /control characters, line breaks or tabs/],
      ['?name=x%E2%80%AEtxt.exe', /direction override/],
    ];
    for (const [i, [query, reason]] of cases.entries()) {
      expect(
        await errorOf(await upload(query, `k-why-${i}0000`)),
        query,
      ).toMatch(reason);
    }
    const kept = await upload('?name=..%2Fnotes', 'k-kept-00000');
    expect((await kept.json()).name).toBe('notes.txt');
  });
});

describe('attachment ids in a submission', () => {
  it('sums up an id listed twice as listed twice, not as unknown', async () => {
    const key = 'k-twice-00000';
    const { id } = await (await upload('?name=log.txt', key)).json();
    const response = await t.call('/tickets', {
      body: aSubmission({ attachments: [id, id] }),
      headers: { 'idempotency-key': key },
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.message).toBe(
      'invalid submission at attachments.1: this attachment is listed twice',
    );
    expect(error.message).not.toMatch(/unknown/);
  });
});
