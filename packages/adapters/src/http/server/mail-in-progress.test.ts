import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Desk } from '@ticketry/core';
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

describe('POST /mail/inbound while the same message is being taken', () => {
  let t: TestServer;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let entered: () => void = () => {};
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });

  beforeAll(async () => {
    t = await startServer({
      servicesFor: (desk: Desk) => {
        // The first copy waits inside the desk until the test lets it go.
        const held: Desk = {
          ...desk,
          submit: async (...args: Parameters<Desk['submit']>) => {
            entered();
            await gate;
            return desk.submit(...args);
          },
        };
        const intake = createMailIntake(held, { address: 'help@desk.example' });
        return { mail: { intake, secret: SECRET } };
      },
    });
  });
  afterAll(() => t.close());

  const post = () =>
    t.call('/mail/inbound', {
      method: 'POST',
      body: message,
      headers: {
        'content-type': 'message/rfc822',
        'x-ticketry-mail-secret': SECRET,
      },
    });

  it('answers the second copy 503 MAIL_IN_PROGRESS with Retry-After, then the first 201 and a later one 200', async () => {
    const first = post();
    await inside;
    const second = await post();
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await second.json()).error.code).toBe('MAIL_IN_PROGRESS');
    open();
    const made = await first;
    expect(made.status).toBe(201);
    const again = await post();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reason: 'duplicate' });
  });
});
