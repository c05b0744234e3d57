import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-relations-'));
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relations in the demo server', () => {
  it('suggests a duplicate and links it over the API', async () => {
    const errors: unknown[] = [];
    const logger = createLogger({ quiet: true });
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'relations.sqlite'),
      seed: false,
      routing: false,
      logger: {
        ...logger,
        error: (message, fields) => errors.push({ message, fields }),
      },
    });
    close = demo.close;
    const submit = async (subject: string) => {
      const response = await fetch(`${demo.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject,
          description: `${subject}.`,
          requester: { email: 'kim@example.com' },
        }),
      });
      return (await response.json()).ticket.id as string;
    };
    const first = await submit('Outlook crashes on start');
    const second = await submit('Outlook crashing at start');
    const agent = { authorization: `Bearer ${demo.apiKey}` };
    const api = `${demo.url}/api/v1/tickets/${second}`;
    const found = await (
      await fetch(`${api}/duplicates`, { headers: agent })
    ).json();
    expect(
      found.suggestions.map((s: { ticketId: string }) => s.ticketId),
    ).toEqual([first]);
    const linked = await fetch(`${api}/links`, {
      method: 'POST',
      headers: { ...agent, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'duplicate_of', ticketId: first }),
    });
    expect(linked.status).toBe(201);
    expect((await demo.desk.get(first))?.links).toEqual([
      { type: 'duplicated_by', ticketId: second },
    ]);
    expect(errors).toEqual([]);
  });
});
