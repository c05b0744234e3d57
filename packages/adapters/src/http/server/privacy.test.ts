import { StorageError } from '@ticketry/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpLogger } from './handler.js';
import { redactValue } from './redact.js';
import { startServer, type TestServer } from './test-setup.js';

const EMAIL = 'zelda.quartermaine@example.org';
const NAME = 'Zelda Quartermaine';
const SUBJECT = 'Kumquat smoke from the Xylophone-7';
const DESCRIPTION = 'The Xylophone-7 on floor 9 puffs kumquat-scented smoke.';
const REPLY = 'Now it smells of marzipan and burnt toast.';

/** A logger that keeps every line as the JSON a log shipper would store. */
function capture() {
  const lines: string[] = [];
  const keep =
    (level: string) => (message: string, fields: Record<string, unknown>) =>
      lines.push(JSON.stringify({ level, message, fields }, replacer));
  const logger: HttpLogger = { info: keep('info'), error: keep('error') };
  return { logger, lines };
}

/** Errors as a log shipper would serialise them: message, stack, cause. */
function replacer(_: string, value: unknown) {
  if (!(value instanceof Error)) return value;
  return { message: value.message, stack: value.stack, cause: value.cause };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A day of a help desk in miniature: a submission with personal data,
 * a reply, an agent read, refusals (422, 401, 404 with the address in
 * the path), a store failure (503) and a bug (500) whose messages
 * quote the ticket and its requester.
 */
async function realisticFlow(s: TestServer) {
  const submitted = await s.call('/tickets', {
    body: {
      subject: SUBJECT,
      description: DESCRIPTION,
      requester: { email: EMAIL, name: NAME },
    },
  });
  expect(submitted.status).toBe(201);
  const { ticket, accessToken } = await submitted.json();
  const reply = await s.call(`/tickets/${ticket.id}/messages`, {
    token: accessToken,
    body: { body: REPLY },
  });
  expect(reply.status).toBe(201);
  const statuses = [
    (await s.call(`/tickets/${ticket.id}`, { token: s.keys.agent })).status,
    (
      await s.call('/tickets', {
        body: {
          subject: SUBJECT,
          description: '',
          requester: { email: EMAIL },
        },
      })
    ).status,
    (await s.call(`/tickets/${ticket.id}`, { token: `${accessToken}x` }))
      .status,
    (await s.call(`/requesters/${encodeURIComponent(EMAIL)}`)).status,
    (
      await s.call(`/tickets/${ticket.id}/stream?access_token=${accessToken}`, {
        method: 'HEAD',
      })
    ).status,
  ];
  expect(statuses.slice(0, 4)).toEqual([200, 422, 401, 401]);

  const realGet = s.desk.get;
  s.desk.get = async () => {
    throw new StorageError('sqlite', `constraint failed for ${EMAIL}`);
  };
  const storage = await s.call(`/tickets/${ticket.id}`, {
    token: s.keys.agent,
  });
  expect(storage.status).toBe(503);
  s.desk.get = async () => {
    throw new Error(`cannot index "${SUBJECT}" of ${NAME}`, {
      cause: new Error(DESCRIPTION),
    });
  };
  const bug = await s.call(`/tickets/${ticket.id}`, { token: s.keys.agent });
  expect(bug.status).toBe(500);
  s.desk.get = realGet;
  return { accessToken };
}

describe('logs', () => {
  it('carry no address, name, ticket text or token through a realistic flow', async () => {
    const { logger, lines } = capture();
    server = await startServer({ logger });
    const { accessToken } = await realisticFlow(server);

    const log = lines.join('\n');
    const secrets = [EMAIL, NAME, 'Zelda', SUBJECT, 'Kumquat', DESCRIPTION];
    for (const secret of [...secrets, REPLY, 'marzipan', accessToken]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(server.keys.agent);

    // The failures are still there to act on: type, code, where.
    const errors = lines.filter((l) => l.includes('"level":"error"'));
    expect(errors).toHaveLength(2);
    const [storage, bug] = errors.map((l) => JSON.parse(l).fields);
    expect(storage.error).toMatchObject({
      type: 'StorageError',
      code: 'STORAGE_FAILED',
      message: 'sqlite: constraint failed for [email]',
    });
    expect(bug.route).toBe('GET /tickets/:id');
    expect(bug.error.type).toBe('Error');
    expect(bug.error.message).toMatch(/^\[hidden: \d+ characters/);
    expect(bug.error.stack[0]).toMatch(/^at /);
    expect(bug.error.cause.type).toBe('Error');
    expect(lines.filter((l) => l.includes('"message":"request"'))).toHaveLength(
      9,
    );
  });

  it('carry everything with debug: true, for a developer', async () => {
    const { logger, lines } = capture();
    server = await startServer({ logger, debug: true });
    await realisticFlow(server);
    const log = lines.join('\n');
    expect(log).toContain(SUBJECT);
    expect(log).toContain(NAME);
    expect(log).toContain(DESCRIPTION);
    expect(log).toContain(EMAIL);
  });
});

describe('redactValue', () => {
  it('takes out addresses, secrets and fields named like personal data, at any depth', () => {
    const value = redactValue({
      note: 'x',
      path: `/x/${EMAIL}/tka_abcdefghijkl`,
      nested: [{ requester: { email: EMAIL }, Subject: SUBJECT, status: 201 }],
    });
    expect(value).toEqual({
      note: '[redacted]',
      path: '/x/[email]/[secret]',
      nested: [{ requester: '[redacted]', Subject: '[redacted]', status: 201 }],
    });
  });

  it('keeps a TicketryError message without quoted values', () => {
    const error = new StorageError('postgres', `bad value "${SUBJECT}"`);
    expect(redactValue(error)).toMatchObject({
      message: 'postgres: bad value "…"',
    });
  });
});
