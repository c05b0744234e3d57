import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const quiet = () => createLogger({ quiet: true });

describe("the agents' console in the demo server", () => {
  it('makes the console accounts once, with passwords that sign in', async () => {
    const dbFile = join(
      mkdtempSync(join(tmpdir(), 'ticketry-demo-console-')),
      'demo.sqlite',
    );
    const options = { port: 0, dbFile, seed: false, logger: quiet() };
    const first = await startDemo(options);
    let passwords: string[] = [];
    try {
      expect(first.consoleAccounts.map((a) => [a.email, a.role])).toEqual([
        ['agent@example.com', 'agent'],
        ['supervisor@example.com', 'supervisor'],
      ]);
      passwords = first.consoleAccounts.map((a) => a.password);
      expect(new Set(passwords).size).toBe(2);
      for (const account of first.consoleAccounts) {
        const response = await fetch(`${first.url}/api/v1/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: account.email,
            password: account.password,
          }),
        });
        expect(response.status).toBe(201);
        expect((await response.json()).agent.role).toBe(account.role);
      }

      const page = await fetch(`${first.url}/console`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<ticket-console');
      const unknown = await fetch(`${first.url}/ticket-console-nope.js`);
      expect(unknown.status).toBe(404);
    } finally {
      await first.close();
    }

    // A second start keeps the accounts and prints no password again.
    const again = await startDemo(options);
    try {
      expect(again.consoleAccounts).toEqual([]);
      const response = await fetch(`${again.url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'agent@example.com',
          password: passwords[0],
        }),
      });
      expect(response.status).toBe(201);
    } finally {
      await again.close();
    }
  }, 60_000);
});
