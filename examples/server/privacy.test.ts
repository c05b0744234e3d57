import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-privacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EMAIL = 'ottoline.fairweather@example.net';
const NAME = 'Ottoline Fairweather';
const SUBJECT = 'Gramophone icon eats my spreadsheets';
const DESCRIPTION =
  'Clicking the gramophone icon deletes quarterly-figures.xlsx';
const REPLY = 'It also ate the backup called pelican-ledger.';

/** Everything the demo writes to stdout and stderr while `run` runs. */
async function captured(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.join('');
}

describe('the demo server logs', () => {
  it('carry no address, name, ticket text or token, even when the API fails', async () => {
    let token = '';
    const log = await captured(async () => {
      const demo = await startDemo({
        port: 0,
        dbFile: join(dir, 'privacy.sqlite'),
        seed: false,
        logger: createLogger(),
        rateLimit: true,
      });
      try {
        const api = `${demo.url}/api/v1`;
        const post = (path: string, body: unknown, auth?: string) =>
          fetch(`${api}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(auth && { authorization: `Bearer ${auth}` }),
            },
            body: JSON.stringify(body),
          });
        const submitted = await post('/tickets', {
          subject: SUBJECT,
          description: DESCRIPTION,
          requester: { email: EMAIL, name: NAME },
        });
        expect(submitted.status).toBe(201);
        const { ticket, accessToken } = await submitted.json();
        token = accessToken;
        const reply = await post(
          `/tickets/${ticket.id}/messages`,
          { body: REPLY },
          token,
        );
        expect(reply.status).toBe(201);
        expect((await fetch(`${api}/people/${EMAIL}`)).status).toBe(404);
        expect((await fetch(`${demo.url}/${EMAIL}`)).status).toBe(404);
        demo.desk.publicView = async () => {
          throw new Error(`lost "${SUBJECT}" of ${NAME} <${EMAIL}>`);
        };
        const read = await fetch(`${api}/tickets/${ticket.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(read.status).toBe(500);
      } finally {
        await demo.close();
      }
    });

    for (const secret of [EMAIL, NAME, SUBJECT, DESCRIPTION, REPLY, token]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('path="/api/v1/people/[email]"');
    expect(log).toMatch(/error unexpected error .*"type":"Error"/);
    expect(log).toMatch(/status=500/);
  });
});
