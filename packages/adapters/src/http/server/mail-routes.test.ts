import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailIntake } from '../../email/index.js';
import { startServer, type TestServer } from './test-setup.js';

const message = readFileSync(
  fileURLToPath(
    new URL('../../email/fixtures/multipart-alternative.eml', import.meta.url),
  ),
  'utf8',
);
const SECRET = 'mail-webhook-secret-of-at-least-32-chars';

describe('POST /mail/inbound', () => {
  let t: TestServer;
  beforeAll(async () => {
    let intake: ReturnType<typeof createMailIntake> | undefined;
    t = await startServer({
      services: {
        mail: {
          intake: { receive: (raw) => intake!.receive(raw) },
          secret: SECRET,
          maxBytes: 64 * 1024,
        },
      },
    });
    intake = createMailIntake(t.desk, { address: 'help@desk.example' });
  });
  afterAll(() => t.close());

  const post = (body: string, headers: Record<string, string>) =>
    t.call('/mail/inbound', {
      method: 'POST',
      body,
      headers: { 'content-type': 'message/rfc822', ...headers },
    });

  it('opens a ticket from a raw message sent with the webhook secret (201)', async () => {
    const response = await post(message, { 'x-ticketry-mail-secret': SECRET });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      outcome: 'created',
      reason: 'new_ticket',
      cc: [],
    });
    expect((await t.desk.get(body.ticket.id))?.channel).toBe('email');
  });

  it('answers a redelivery with 200 and the earlier ticket, with an agent key', async () => {
    const response = await post(message, {
      authorization: `Bearer ${t.keys.agent}`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      outcome: 'ignored',
      reason: 'duplicate',
    });
  });

  it('refuses a wrong secret, no credential, and a requester token', async () => {
    expect(
      (await post(message, { 'x-ticketry-mail-secret': 'nope' })).status,
    ).toBe(401);
    expect((await post(message, {})).status).toBe(401);
    const { token } = await t.submit();
    expect(
      (await post(message, { authorization: `Bearer ${token}` })).status,
    ).toBe(403);
  });

  it('refuses non-mail with 422 MAIL_UNPARSEABLE, an oversized body with 413, JSON with 400', async () => {
    const auth = { 'x-ticketry-mail-secret': SECRET };
    const junk = await post('just some words', auth);
    expect(junk.status).toBe(422);
    expect((await junk.json()).error.code).toBe('MAIL_UNPARSEABLE');
    const big = await post(
      `From: a@example.com\r\n\r\n${'x'.repeat(70_000)}`,
      auth,
    );
    expect(big.status).toBe(413);
    const json = await t.call('/mail/inbound', {
      body: { raw: 'x' },
      headers: auth,
    });
    expect(json.status).toBe(400);
  });
});

describe('POST /mail/inbound with a short secret', () => {
  it('never takes a secret under 32 characters, even when it matches', async () => {
    const intake = {
      receive: async () => ({
        outcome: 'ignored' as const,
        reason: 'x',
        cc: [],
      }),
    };
    const t = await startServer({
      services: { mail: { intake, secret: 'short-secret' } },
    });
    const response = await t.call('/mail/inbound', {
      method: 'POST',
      body: message,
      headers: {
        'content-type': 'message/rfc822',
        'x-ticketry-mail-secret': 'short-secret',
      },
    });
    expect(response.status).toBe(401);
    await t.close();
  });
});

describe('POST /mail/inbound without a mail service', () => {
  it('answers 404 naming the feature', async () => {
    const t = await startServer();
    const response = await t.call('/mail/inbound', {
      method: 'POST',
      body: 'From: a@example.com\r\n\r\nhi',
      token: t.keys.agent,
      headers: { 'content-type': 'message/rfc822' },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/mail intake is off/);
    await t.close();
  });
});
