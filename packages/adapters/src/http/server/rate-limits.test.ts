import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler } from './handler.js';
import type { RateRules } from './rate-rules.js';
import {
  aSubmission,
  seededDesk,
  startServer,
  type TestServer,
} from './test-setup.js';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const OFF = { site: false, address: false, requester: false } as const;

let server: TestServer | undefined;
let now = T0;

afterEach(async () => {
  await server?.close();
  server = undefined;
  now = T0;
});

/** A server whose limiter runs on the test's clock, every bucket off but `rules`. */
async function limited(rules: RateRules, trustProxy?: boolean) {
  server = await startServer({
    trustProxy,
    rateLimit: {
      now: () => now,
      rules: {
        submit: { ...OFF, ...rules.submit },
        read: { ...OFF, ...rules.read },
        write: { ...OFF, ...rules.write },
        authFailure: { ...OFF, ...rules.authFailure },
      },
    },
  });
  return server;
}

const from = (address: string) => ({ 'x-forwarded-for': address });

async function submitFrom(s: TestServer, address: string, email?: string) {
  return s.call('/tickets', {
    body: aSubmission(email ? { requester: { email } } : {}),
    headers: from(address),
  });
}

describe('rate limits', () => {
  it('refuses submissions over an address budget with 429, Retry-After and RateLimit headers, storing nothing', async () => {
    const s = await limited({
      submit: { address: { limit: 2, windowMs: MINUTE } },
    });
    const first = await submitFrom(s, '127.0.0.1');
    expect(first.status).toBe(201);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(first.headers.get('ratelimit-reset')).toBe('30');
    expect((await submitFrom(s, '127.0.0.1')).status).toBe(201);

    const refused = await submitFrom(s, '127.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const body = await refused.json();
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/submissions from this address/);
    expect((await s.desk.list()).items).toHaveLength(2);

    now += 29_999;
    expect((await submitFrom(s, '127.0.0.1')).status).toBe(429);
    now += 1;
    expect((await submitFrom(s, '127.0.0.1')).status).toBe(201);
  });

  it('reads the socket address and ignores X-Forwarded-For unless trustProxy says so', async () => {
    const rules = { submit: { address: { limit: 1, windowMs: MINUTE } } };
    const s = await limited(rules);
    expect((await submitFrom(s, '198.51.100.1')).status).toBe(201);
    // A forged header does not make a new client.
    expect((await submitFrom(s, '198.51.100.2')).status).toBe(429);
    await s.close();

    const proxied = await limited(rules, true);
    expect((await submitFrom(proxied, '198.51.100.1')).status).toBe(201);
    expect((await submitFrom(proxied, '198.51.100.2')).status).toBe(201);
    expect((await submitFrom(proxied, '198.51.100.1')).status).toBe(429);
    // Only the entry the proxy appended counts, not what the client wrote.
    const spoofed = await submitFrom(proxied, '203.0.113.9, 198.51.100.1');
    expect(spoofed.status).toBe(429);
  });

  it('counts submissions per requester email, whatever the address', async () => {
    const s = await limited(
      { submit: { requester: { limit: 1, windowMs: 10 * MINUTE } } },
      true,
    );
    const email = 'grace@example.com';
    expect((await submitFrom(s, '198.51.100.1', email)).status).toBe(201);
    const again = await submitFrom(s, '198.51.100.2', email.toUpperCase());
    expect(again.status).toBe(429);
    expect((await again.json()).error.message).toMatch(/for this requester/);
    expect(again.headers.get('retry-after')).toBe('600');
    expect(
      (await submitFrom(s, '198.51.100.2', 'ada@example.com')).status,
    ).toBe(201);
  });

  it('caps a whole site, and a refused request does not spend the site budget', async () => {
    const s = await limited(
      {
        submit: {
          site: { limit: 3, windowMs: MINUTE },
          address: { limit: 1, windowMs: MINUTE },
        },
      },
      true,
    );
    expect((await submitFrom(s, '198.51.100.1')).status).toBe(201);
    for (let i = 0; i < 5; i++) {
      expect((await submitFrom(s, '198.51.100.1')).status).toBe(429);
    }
    expect((await submitFrom(s, '198.51.100.2')).status).toBe(201);
    expect((await submitFrom(s, '198.51.100.3')).status).toBe(201);
    const full = await submitFrom(s, '198.51.100.4');
    expect(full.status).toBe(429);
    expect((await full.json()).error.message).toMatch(/for this help desk/);
  });

  it('keeps separate budgets for submits, reads and writes', async () => {
    const s = await limited({
      read: { address: { limit: 2, windowMs: MINUTE } },
      submit: { address: { limit: 5, windowMs: MINUTE } },
    });
    const ticket = await s.submit();
    const read = () => s.call(`/tickets/${ticket.id}`, { token: ticket.token });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(429);
    expect((await s.call('/form')).status).toBe(429);
    expect((await submitFrom(s, '127.0.0.1')).status).toBe(201);
    const reply = await s.call(`/tickets/${ticket.id}/messages`, {
      token: ticket.token,
      body: { body: 'Still jammed.' },
    });
    expect(reply.status).toBe(201);
  });

  it('limits each credential on its own', async () => {
    const s = await limited({
      read: { requester: { limit: 1, windowMs: MINUTE } },
    });
    const a = await s.submit();
    const b = await s.submit();
    const read = (t: { id: string; token: string }) =>
      s.call(`/tickets/${t.id}`, { token: t.token });
    expect((await read(a)).status).toBe(200);
    expect((await read(a)).status).toBe(429);
    expect((await read(b)).status).toBe(200);
    expect((await s.call('/tickets', { token: s.keys.agent })).status).toBe(
      200,
    );
  });

  it('refuses credentials from an address after too many 401s, and lets them back after the wait', async () => {
    const s = await limited({
      authFailure: { address: { limit: 3, windowMs: 3 * MINUTE } },
    });
    const ticket = await s.submit();
    const guess = (token: string) => s.call(`/tickets/${ticket.id}`, { token });
    for (let i = 0; i < 3; i++) {
      expect((await guess(`tkr_guess${i}`)).status).toBe(401);
    }
    const locked = await guess(ticket.token);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect((await locked.json()).error.message).toMatch(/failed sign-ins/);
    // Requests without a credential are not failed sign-ins.
    expect((await s.call('/tickets', { body: aSubmission() })).status).toBe(
      201,
    );

    now += MINUTE;
    expect((await guess(ticket.token)).status).toBe(200);
    expect((await guess('tkr_wrong')).status).toBe(401);
    expect((await guess(ticket.token)).status).toBe(429);
  });

  it('limits nothing unless asked, and skips the address bucket when the address is unknown', async () => {
    const { desk } = await seededDesk();
    const off = createHttpHandler({ desk });
    const submit = (handler: typeof off) =>
      handler(
        new Request('http://in-process.test/api/v1/tickets', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(aSubmission()),
        }),
      );
    for (let i = 0; i < 3; i++) expect((await submit(off)).status).toBe(201);

    const onlyAddress = createHttpHandler({
      desk,
      rateLimit: {
        rules: {
          submit: { ...OFF, address: { limit: 1, windowMs: MINUTE } },
        },
      },
    });
    for (let i = 0; i < 3; i++) {
      expect((await submit(onlyAddress)).status).toBe(201);
    }
  });

  it('lets a browser read Retry-After and the RateLimit headers', async () => {
    server = await startServer({
      allowedOrigins: ['https://help.example.com'],
      rateLimit: { now: () => now },
    });
    const response = await server.call('/form', {
      headers: { origin: 'https://help.example.com' },
    });
    const exposed = response.headers.get('access-control-expose-headers');
    for (const name of [
      'retry-after',
      'ratelimit-remaining',
      'ratelimit-reset',
    ]) {
      expect(exposed).toContain(name);
    }
    // The tightest default bucket of a read: 600 a minute per address.
    expect(response.headers.get('ratelimit-limit')).toBe('600');
    expect(response.headers.get('ratelimit-remaining')).toBe('599');
  });

  it('refuses rules that are not positive whole numbers', async () => {
    const { desk } = await seededDesk();
    expect(() =>
      createHttpHandler({
        desk,
        rateLimit: { rules: { read: { site: { limit: 0, windowMs: 1 } } } },
      }),
    ).toThrow(/rateLimit\.rules\.read\.site/);
    expect(() =>
      createHttpHandler({
        desk,
        rateLimit: { rules: { reads: {} } as RateRules },
      }),
    ).toThrow(TypeError);
    expect(() => createHttpHandler({ desk, trustProxy: -1 })).toThrow(
      /trustProxy/,
    );
  });
});
