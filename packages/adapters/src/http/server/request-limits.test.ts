import { request as httpRequest } from 'node:http';
import {
  createAutomation,
  createKnowledgeBase,
  createTriage,
} from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailIntake } from '../../email/index.js';
import { createArticleRenderer } from '../../kb/render.js';
import { createAssistantService } from './assistant-service.js';
import { createMemoryAttachmentStore } from './attachments/store.js';
import { createCors } from './cors.js';
import { createHttpHandler } from './handler.js';
import { ROUTES } from './routes.js';
import { seededDesk, startServer, type TestServer } from './test-setup.js';

const MAX = 2048;
let t: TestServer;
let ticketId: string;

beforeAll(async () => {
  t = await startServer({
    // Every optional service on, so each body route reaches its cap.
    servicesFor: async (desk) => ({
      mail: {
        intake: createMailIntake(desk, { address: 'help@x.test' }),
        maxBytes: MAX,
      },
      automation: createAutomation(desk),
      classifier: await createTriage(desk),
      kb: {
        knowledgeBase: createKnowledgeBase(desk.core),
        render: createArticleRenderer().render,
      },
      assistant: createAssistantService({}),
    }),
    maxBodyBytes: MAX,
    form: { attachments: { types: ['text/plain'], maxBytes: MAX } },
    attachmentStore: createMemoryAttachmentStore(),
  });
  ticketId = (await t.submit()).id;
});
afterAll(() => t.close());

/** A route's path with its parameters filled. */
const pathOf = (path: string) =>
  path.replace(':id', ticketId).replace(':attachmentId', 'att_x');

const bodyRoutes = ROUTES.filter((r) => r.body || r.rawBody);

describe('request size limits', () => {
  it('covers every route that takes a body', () => {
    expect(bodyRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /tickets', 'POST /attachments']),
    );
    expect(bodyRoutes.every((r) => r.method !== 'GET')).toBe(true);
  });

  it.each(bodyRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s answers a body over the cap with 413 and stores nothing',
    async (_, route) => {
      const before = (await t.desk.list()).items.length;
      const response = await t.call(`${pathOf(route.path)}?name=a.txt`, {
        method: route.method,
        token: t.keys.supervisor,
        headers: {
          'content-type': route.rawBody ? 'text/plain' : 'application/json',
          'idempotency-key': 'size-limit-test-key',
          'if-match': '"1"',
        },
        body: `"${'x'.repeat(MAX)}"`,
      });
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await t.desk.list()).items).toHaveLength(before);
    },
  );

  it('counts an upload streamed without Content-Length', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${t.api}/attachments?name=big.txt`);
      const req = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          'idempotency-key': 'streamed-upload-key',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write('y'.repeat(512));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('answers a URL over maxUrlLength with 414 URI_TOO_LONG', async () => {
    const long = await t.call(`/tickets?cursor=${'c'.repeat(9000)}`, {
      token: t.keys.agent,
    });
    expect(long.status).toBe(414);
    expect((await long.json()).error.code).toBe('URI_TOO_LONG');
    const fits = await t.call(`/tickets?limit=5`, { token: t.keys.agent });
    expect(fits.status).toBe(200);
  });

  it('answers more than maxHeaders headers with 431 HEADERS_TOO_LARGE', async () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 120; i++) headers[`x-filler-${i}`] = 'a';
    const response = await t.call('/form', { headers });
    expect(response.status).toBe(431);
    expect((await response.json()).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('takes its head limits from the options, on any runtime', async () => {
    const { desk } = await seededDesk();
    const handler = createHttpHandler({
      desk,
      maxUrlLength: 40,
      maxHeaders: 3,
      maxHeaderBytes: 64,
    });
    const get = (path: string, headers: Record<string, string> = {}) =>
      handler(new Request(`http://in-process.test${path}`, { headers }));
    expect((await get('/api/v1/form')).status).toBe(200);
    expect((await get(`/api/v1/form?${'q'.repeat(40)}`)).status).toBe(414);
    const many = { a: '1', b: '2', c: '3', d: '4' };
    expect((await get('/api/v1/form', many)).status).toBe(431);
    expect((await get('/api/v1/form', { a: 'v'.repeat(80) })).status).toBe(431);
    expect(() => createHttpHandler({ desk, maxHeaders: 0 })).toThrow(
      /maxHeaders/,
    );
  });
});

describe('CORS', () => {
  const origin = 'https://help.example.com';

  it('never allows credentials, with "*" or a listed origin', async () => {
    for (const allowedOrigins of [['*'], [origin]]) {
      const s = await startServer({ allowedOrigins });
      const preflight = await s.call('/tickets', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      const answer = await s.call('/form', { headers: { origin } });
      for (const response of [preflight, answer]) {
        expect(response.headers.get('access-control-allow-origin')).toBe(
          allowedOrigins[0],
        );
        expect(
          response.headers.get('access-control-allow-credentials'),
        ).toBeNull();
        expect(response.headers.get('set-cookie')).toBeNull();
      }
      await s.close();
    }
  });

  it('strips a credentials header any route might add, and answers unlisted origins without CORS', () => {
    const cors = createCors(['*']);
    const decorated = cors.decorate(
      new Response(null, {
        headers: { 'access-control-allow-credentials': 'true' },
      }),
      'https://evil.example',
    );
    expect(decorated.headers.get('access-control-allow-origin')).toBe('*');
    expect(decorated.headers.has('access-control-allow-credentials')).toBe(
      false,
    );
    const listed = createCors([origin]);
    const other = listed.decorate(new Response(null), 'https://evil.example');
    expect(other.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('takes another allow-list per call, for a site of its own', () => {
    const cors = createCors([origin]);
    const site = ['https://shop.example.org'];
    const answer = cors.decorate(
      new Response(null),
      'https://shop.example.org',
      site,
    );
    expect(answer.headers.get('access-control-allow-origin')).toBe(
      'https://shop.example.org',
    );
    const preflight = cors.preflight(
      new Request('http://in-process.test/', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      }),
      ['POST'],
      site,
    );
    expect(preflight.headers.has('access-control-allow-origin')).toBe(false);
  });
});
