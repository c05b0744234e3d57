import { TicketryError } from '@ticketry/core';
import { describe, expect, it, vi } from 'vitest';
import { createHttpHandler } from './handler.js';
import { seededDesk } from './test-setup.js';

const BASE = 'http://in-process.test/api/v1';

describe('unexpected errors', () => {
  it('answers 500 INTERNAL_ERROR with a generic message and logs the cause', async () => {
    const { desk, keys } = await seededDesk();
    desk.list = async () => {
      throw new Error('password=hunter2 in a stack trace');
    };
    const error = vi.fn();
    const info = vi.fn();
    const handler = createHttpHandler({ desk, logger: { error, info } });
    const response = await handler(
      new Request(`${BASE}/tickets`, {
        headers: { authorization: `Bearer ${keys.agent}` },
      }),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('INTERNAL_ERROR');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('at ');
    expect(error).toHaveBeenCalledOnce();
    expect(info).toHaveBeenCalledWith('request', {
      method: 'GET',
      route: 'GET /tickets',
      status: 500,
      ms: expect.any(Number),
    });
  });

  it('hides store details behind 503 STORAGE_FAILED', async () => {
    const { desk, keys } = await seededDesk();
    desk.list = async () => {
      throw new TicketryError(
        'STORAGE_FAILED',
        'sqlite: disk I/O error at /var/db',
      );
    };
    const handler = createHttpHandler({ desk });
    const response = await handler(
      new Request(`${BASE}/tickets`, {
        headers: { authorization: `Bearer ${keys.agent}` },
      }),
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe('STORAGE_FAILED');
    expect(body.error.message).not.toContain('/var/db');
  });

  it('never logs query strings, where access tokens travel', async () => {
    const { desk } = await seededDesk();
    const info = vi.fn();
    const handler = createHttpHandler({ desk, logger: { info } });
    await handler(
      new Request(`${BASE}/tickets/x/stream?access_token=tkr_secret`),
    );
    expect(JSON.stringify(info.mock.calls)).not.toContain('tkr_secret');
  });
});

describe('options', () => {
  it('names the option that is missing or wrong', async () => {
    const { desk } = await seededDesk();
    expect(() => createHttpHandler({} as never)).toThrow(/`desk`/);
    expect(() => createHttpHandler({ desk, basePath: 'api/' })).toThrow(
      /basePath/,
    );
    expect(() => createHttpHandler({ desk, maxBodyBytes: -1 })).toThrow(
      /maxBodyBytes/,
    );
  });

  it('serves under another base path, with the document pointing there', async () => {
    const { desk } = await seededDesk();
    const handler = createHttpHandler({ desk, basePath: '/help/api' });
    const doc = await (
      await handler(new Request('http://x.test/help/api/openapi.json'))
    ).json();
    expect(doc.servers).toEqual([{ url: '/help/api' }]);
    const old = await handler(new Request('http://x.test/api/v1/openapi.json'));
    expect(old.status).toBe(404);
  });

  it("allows any origin with '*' but never with credentials", async () => {
    const { desk } = await seededDesk();
    const handler = createHttpHandler({ desk, allowedOrigins: ['*'] });
    const response = await handler(
      new Request(`${BASE}/openapi.json`, {
        headers: { origin: 'https://anywhere.example' },
      }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('echoed values', () => {
  it('cuts a long id or path in error messages', async () => {
    const { desk, keys } = await seededDesk();
    const handler = createHttpHandler({ desk });
    const long = `T${'x'.repeat(2000)}`;
    for (const path of [`/tickets/${long}`, `/${long}`]) {
      const response = await handler(
        new Request(`${BASE}${path}`, {
          headers: { authorization: `Bearer ${keys.agent}` },
        }),
      );
      expect(response.status).toBe(404);
      const { message } = (await response.json()).error;
      expect(message).toContain('…');
      expect(message.length).toBeLessThan(120);
    }
  });
});
