import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes } from './body.js';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const team = (id: string, headers: Record<string, string>, body?: BodyInit) =>
  fetch(`${t.api}/teams`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.keys.supervisor}`, ...headers },
    body: body ?? JSON.stringify({ id, name: id }),
  });

const answer = async (response: Response) => {
  const { error } = await response.json();
  return {
    status: response.status,
    code: error?.code,
    message: error?.message,
  };
};

describe('request bodies', () => {
  it('take JSON only as application/json, with or without parameters', async () => {
    for (const type of [
      'application/json-patch+json',
      'application/problem+json',
      'text/json',
    ]) {
      expect(
        await answer(await team('t-typed', { 'content-type': type })),
        type,
      ).toEqual({
        status: 400,
        code: 'MALFORMED_REQUEST',
        message: 'send the body as JSON with Content-Type: application/json',
      });
    }
    const plain = await team('t-json', {
      'content-type': 'Application/JSON; charset=utf-8',
    });
    expect(plain.status).toBe(201);
  });

  it('refuse a compressed body with 415 UNSUPPORTED_ENCODING, not as bad UTF-8', async () => {
    const body = gzipSync(JSON.stringify({ id: 't-gzip', name: 'Gzip' }));
    const response = await team(
      't-gzip',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    );
    const { status, code, message } = await answer(response);
    expect([status, code]).toEqual([415, 'UNSUPPORTED_ENCODING']);
    expect(message).toMatch(/content encodings such as gzip are not accepted/);
    expect((await t.desk.listTeams()).some((x) => x.id === 't-gzip')).toBe(
      false,
    );
    const identity = await team('t-identity', {
      'content-type': 'application/json',
      'content-encoding': 'identity',
    });
    expect(identity.status).toBe(201);
  });

  it('refuse an encoded raw body before reading it', async () => {
    const request = new Request('http://127.0.0.1/x', {
      method: 'POST',
      headers: { 'content-encoding': 'br' },
      body: 'bytes',
    });
    await expect(readBytes(request, 100)).rejects.toMatchObject({
      code: 'UNSUPPORTED_ENCODING',
      status: 415,
    });
  });
});

describe('request paths', () => {
  it('answer a broken percent-encoding with 400, not 404', async () => {
    for (const path of ['/tickets/%E0%A4%A', '/tickets/%zz', '/nope/%']) {
      const { status, code, message } = await answer(
        await t.call(path, { token: t.keys.agent }),
      );
      expect([status, code], path).toEqual([400, 'MALFORMED_REQUEST']);
      expect(message, path).toMatch(/broken percent-encoding/);
    }
    const fine = await t.call('/tickets/%E0%A4%A4', { token: t.keys.agent });
    expect(fine.status).toBe(404);
  });
});
