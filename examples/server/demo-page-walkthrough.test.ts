import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-walkthrough-'));
const page = readFileSync(
  new URL('./public/index.html', import.meta.url),
  'utf8',
);
let close: (() => Promise<void>) | undefined;

afterAll(async () => close?.());

/** The agent walkthrough of the demo page, as a reader copies it. */
function walkthrough(): string {
  const block = /<pre data-api[^>]*>([\s\S]*?)<\/pre>/.exec(page)?.[1];
  if (!block) throw new Error('the page has no <pre data-api> block');
  return block.replaceAll('&amp;', '&').replaceAll('&lt;', '<');
}

// Asynchronous: the demo answers curl from this same process.
const bash = async (script: string) =>
  (await promisify(execFile)('bash', ['-c', script], { timeout: 60_000 }))
    .stdout;

describe('the demo page', () => {
  it('runs its agent walkthrough as printed, on a ticket the demo routed first', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'walk.sqlite'),
      seed: false,
      logger: createLogger({ quiet: true }),
    });
    close = demo.close;
    const submitted = await fetch(`${demo.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Laptop will not wake from sleep',
        description: 'Since the update the laptop stays black after sleep.',
        requester: { email: 'walk@example.com' },
      }),
    });
    const { ticket, accessToken } = await submitted.json();
    await expect
      .poll(async () => (await demo.desk.get(ticket.id))?.assigneeId)
      .toBeTruthy();

    const [agentPart, rest] = walkthrough().split(
      /^# the requester answers in the widget.*$/m,
    );
    const setup = (part: string) =>
      `set -e\nKEY='${demo.apiKey}'\n${part
        .replace(/^API=.*$/m, `API='${demo.url}/api/v1'`)
        .replace(/^ID=.*$/m, `ID='${ticket.id}'`)}`;
    const first = await bash(setup(agentPart!));
    expect(first).not.toMatch(/"error"/);

    const answer = await fetch(
      `${demo.url}/api/v1/tickets/${ticket.id}/messages`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ body: 'Restarted, still black.' }),
      },
    );
    expect(answer.status).toBeLessThan(300);
    const cmd = /^cmd\(\) \{[\s\S]*?^\}$/m.exec(agentPart!)![0];
    const last = await bash(setup(`API=\nID=\n${cmd}\n${rest}`));
    expect(last).not.toMatch(/"error"/);
    expect((await demo.desk.get(ticket.id))?.status).toBe('resolved');
  });
});
