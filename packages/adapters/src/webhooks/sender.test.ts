import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAutomation,
  createDesk,
  createManualClock,
  createMemoryStore,
} from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookSender } from './sender.js';
import { signWebhook, verifyWebhookSignature } from './signature.js';

const SECRET = 'whsec_0123456789abcdef0123';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A receiver on 127.0.0.1 that answers with the scripted statuses in
 * turn (then 200), and counts connections.
 */
async function receiver(
  script: { status: number; headers?: Record<string, string> }[] = [],
) {
  const received: Received[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const next = script.shift() ?? { status: 200 };
      res.writeHead(next.status, next.headers ?? {});
      res.end('ok');
    });
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  open.push(server);
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    connections: () => connections,
  };
}

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A sender allowed to reach our own loopback receiver, and no further. */
function sender(
  extra: Partial<Parameters<typeof createWebhookSender>[0]> = {},
) {
  const delays: number[] = [];
  const send = createWebhookSender({
    secret: SECRET,
    allow: ['127.0.0.1/32'],
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...extra,
  });
  return { send, delays };
}

const request = (url: string) => ({
  id: 'delivery-1',
  url,
  event: 'ticket.submitted',
  payload: { hello: 'wörld', n: 1 },
});

describe('the webhook sender', () => {
  it('posts signed JSON that the receiver verifies, with the delivery id', async () => {
    const r = await receiver();
    const { send } = sender();
    const result = await send.send(request(r.url));
    expect(result).toMatchObject({ ok: true, status: 200 });
    const got = r.received[0]!;
    expect(JSON.parse(got.body)).toEqual({ hello: 'wörld', n: 1 });
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-ticketry-webhook-id']).toBe('delivery-1');
    expect(got.headers['x-ticketry-event']).toBe('ticket.submitted');
    const header = got.headers['x-ticketry-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature({ secret: SECRET, body: got.body, header }),
    ).toMatchObject({ ok: true });
    expect(
      verifyWebhookSignature({
        secret: 'another-secret-xyz',
        body: got.body,
        header,
      }).ok,
    ).toBe(false);
    expect(
      verifyWebhookSignature({ secret: SECRET, body: `${got.body} `, header })
        .ok,
    ).toBe(false);
  });

  it('retries 5xx and 429 with jittered backoff, honouring Retry-After, same id each time', async () => {
    const r = await receiver([
      { status: 503 },
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 500 },
    ]);
    const { send, delays } = sender({ random: () => 0.5, baseDelayMs: 1000 });
    const result = await send.send(request(r.url));
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([503, 429, 500, 200]);
    // Full jitter: half of 1 s, 2 s, 4 s; the 429 asked for 7 s.
    expect(delays).toEqual([500, 7000, 2000]);
    expect(
      new Set(r.received.map((x) => x.headers['x-ticketry-webhook-id'])),
    ).toEqual(new Set(['delivery-1']));
    expect(r.received.map((x) => x.headers['x-ticketry-attempt'])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('stops after maxAttempts, and at once on a 4xx or a redirect', async () => {
    const failing = await receiver(
      Array.from({ length: 10 }, () => ({ status: 502 })),
    );
    const { send } = sender({ maxAttempts: 3 });
    const result = await send.send(request(failing.url));
    expect(result).toMatchObject({ ok: false, status: 502 });
    expect(failing.received).toHaveLength(3);

    const redirect = await receiver([
      { status: 302, headers: { location: 'http://169.254.169.254/' } },
    ]);
    const moved = await send.send(request(redirect.url));
    expect(moved).toMatchObject({
      ok: false,
      status: 302,
      error: 'redirects are not followed',
    });
    expect(redirect.received).toHaveLength(1);

    const gone = await receiver([{ status: 410 }]);
    expect((await send.send(request(gone.url))).attempts).toHaveLength(1);
  });

  it('gives up when Retry-After asks for longer than allowed', async () => {
    const r = await receiver([
      { status: 503, headers: { 'retry-after': '3600' } },
    ]);
    const { send, delays } = sender({ maxRetryAfterMs: 60_000 });
    const result = await send.send(request(r.url));
    expect(result.ok).toBe(false);
    expect(delays).toEqual([]);
  });

  it('refuses our own loopback receiver when it is not allow-listed: no connection at all', async () => {
    const r = await receiver();
    const result = await createWebhookSender({ secret: SECRET }).send(
      request(r.url),
    );
    expect(result).toMatchObject({ ok: false, refused: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.connections()).toBe(0);
  });

  it('records network failures and retries them', async () => {
    const r = await receiver();
    const port = Number(new URL(r.url).port);
    await new Promise((done) => open.pop()!.close(done));
    const { send, delays } = sender({ maxAttempts: 2, timeoutMs: 2000 });
    const result = await send.send(request(`http://127.0.0.1:${port}/gone`));
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(result.attempts[0]!.error).toMatch(/ECONNREFUSED/);
    expect(delays).toHaveLength(1);
  });
});

describe('signatures', () => {
  it('reject stale or future timestamps, malformed headers, and accept a rotated secret', () => {
    const body = '{"a":1}';
    const t = 1_700_000_000;
    const header = signWebhook(SECRET, body, t);
    const at = (s: number) => s * 1000;
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body,
        header,
        nowMs: at(t + 299),
      }).ok,
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body,
        header,
        nowMs: at(t + 301),
      }),
    ).toEqual({ ok: false, reason: 'outside_tolerance' });
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body,
        header,
        nowMs: at(t - 301),
      }).ok,
    ).toBe(false);
    expect(
      verifyWebhookSignature({
        secret: ['new-secret-0123456', SECRET],
        body,
        header,
        nowMs: at(t),
      }).ok,
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body,
        header: 'v1=abc',
        nowMs: at(t),
      }),
    ).toEqual({ ok: false, reason: 'malformed' });
    expect(
      verifyWebhookSignature({ secret: SECRET, body, header: null }),
    ).toEqual({ ok: false, reason: 'missing' });
    const forged = header.replace(
      /v1=./,
      (m) => `v1=${m.endsWith('0') ? '1' : '0'}`,
    );
    expect(
      verifyWebhookSignature({
        secret: SECRET,
        body,
        header: forged,
        nowMs: at(t),
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('with the automation', () => {
  it('refuses to save a rule whose webhook the guard would refuse, without contacting it', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const asked: string[] = [];
    const automation = createAutomation(desk, {
      webhook: createWebhookSender({
        secret: SECRET,
        lookup: async (host) => {
          asked.push(host);
          return [{ address: '10.0.0.7', family: 4 }];
        },
        transport: async () => {
          throw new Error('no connection may be attempted');
        },
      }),
    });
    const rule = (url: string) => [
      {
        id: 'out',
        on: ['ticket.submitted'],
        actions: [{ type: 'webhook', url }],
      },
    ];
    for (const url of [
      'http://169.254.169.254/latest',
      'http://intranet.example/hook',
    ]) {
      await expect(
        automation.save('triggers', rule(url), 0),
      ).rejects.toMatchObject({
        code: 'DESTINATION_REFUSED',
      });
    }
    expect(asked).toEqual(['intranet.example']);
    expect(automation.rules('triggers').version).toBe(0);
  });

  it('a trigger posts the ticket to the receiver and the delivery log keeps the outcome', async () => {
    const r = await receiver([{ status: 500 }]);
    const desk = createDesk({
      store: createMemoryStore(),
      clock: createManualClock('2024-05-01T10:00:00Z'),
    });
    const { send } = sender();
    const automation = createAutomation(desk, {
      webhook: send,
      triggers: [
        {
          id: 'to-crm',
          on: ['ticket.submitted'],
          actions: [{ type: 'webhook', url: r.url }],
        },
      ],
    });
    const { ticket } = await desk.submit({
      subject: 'Printer jams',
      description: 'Tray 2',
      requester: { email: 'grace@example.com' },
    });
    await automation.idle();
    expect(r.received).toHaveLength(2);
    const body = JSON.parse(r.received[1]!.body);
    expect(body).toMatchObject({
      ruleId: 'to-crm',
      ticket: { id: ticket.id, ref: ticket.ref },
      event: { type: 'ticket.submitted' },
    });
    expect(body.ticket.auditHash).toBeUndefined();
    const [entry] = await automation.deliveries();
    expect(entry).toMatchObject({
      ruleId: 'to-crm',
      ticketId: ticket.id,
      ok: true,
      status: 200,
      url: r.url,
    });
    expect(entry!.attempts.map((a) => a.status)).toEqual([500, 200]);
  });
});
