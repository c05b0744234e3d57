import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { DEMO_USER } from './identity.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-identity-'));
const quiet = createLogger({ quiet: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo server as a host site', () => {
  it('signs the demo user in, with the configured secret, and the API lists their requests', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'identity.sqlite'),
      seed: false,
      logger: quiet,
      identitySecret: 'demo-identity-secret-for-tests-0123456789',
    });
    try {
      expect(demo.identitySecretGenerated).toBe(false);
      await demo.desk.submit({
        subject: 'Laptop will not wake',
        description: 'Black screen after sleep.',
        requester: { email: DEMO_USER.email },
      });
      const { token } = await (await fetch(`${demo.url}/demo/identity`)).json();
      expect(token).toMatch(/^tki_/);
      const mine = await fetch(`${demo.url}/api/v1/me/tickets`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(mine.status).toBe(200);
      const page = await mine.json();
      expect(page.identity.email).toBe(DEMO_USER.email);
      expect(page.items.map((t: { subject: string }) => t.subject)).toEqual([
        'Laptop will not wake',
      ]);
    } finally {
      await demo.close();
    }
  });

  it('makes a secret for the run when none is configured', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'generated.sqlite'),
      seed: false,
      logger: quiet,
    });
    try {
      expect(demo.identitySecretGenerated).toBe(true);
      const { token } = await (await fetch(`${demo.url}/demo/identity`)).json();
      const mine = await fetch(`${demo.url}/api/v1/me/tickets`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(mine.status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
