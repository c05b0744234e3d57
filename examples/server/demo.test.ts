import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-'));
const quiet = createLogger({ quiet: true });
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the demo server', () => {
  it('prints the agent key on the first start only and keeps the data', async () => {
    const dbFile = join(dir, 'restart.sqlite');
    const first = await startDemo({
      port: 0,
      dbFile,
      seed: false,
      logger: quiet,
    });
    expect(first.apiKey).toMatch(/^tka_/);
    await first.desk.submit({
      subject: 'Kept across restarts',
      description: 'x',
      requester: { email: 'r@example.com' },
    });
    await first.close();
    const second = await startDemo({
      port: 0,
      dbFile,
      seed: false,
      logger: quiet,
    });
    close = second.close;
    expect(second.apiKey).toBeNull();
    expect((await second.desk.list()).items.map((t) => t.subject)).toEqual([
      'Kept across restarts',
    ]);
    const response = await fetch(`${second.url}/api/v1/tickets`, {
      headers: { authorization: `Bearer ${first.apiKey}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers HEAD on its pages like GET, without a body', async () => {
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'head.sqlite'),
      seed: false,
      logger: quiet,
    });
    close = demo.close;
    const get = await fetch(`${demo.url}/`);
    const head = await fetch(`${demo.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(
      get.headers.get('content-type'),
    );
    expect(head.headers.get('content-length')).toBe(
      String((await get.arrayBuffer()).byteLength),
    );
    expect(await head.text()).toBe('');
    const missing = await fetch(`${demo.url}/nope.html`, { method: 'HEAD' });
    expect(missing.status).toBe(404);
    for (const page of ['/', '/console', '/embed/']) {
      const { headers } = await fetch(`${demo.url}${page}`, { method: 'HEAD' });
      expect(headers.get('x-frame-options'), page).toBe('DENY');
      expect(headers.get('referrer-policy'), page).toBe('no-referrer');
      expect(headers.get('content-security-policy'), page).toBeTruthy();
    }
  });

  it('fails on a busy port before it makes the one-time key', async () => {
    const dbFile = join(dir, 'busy.sqlite');
    const holder = await startDemo({
      port: 0,
      dbFile: join(dir, 'holder.sqlite'),
      seed: false,
      logger: quiet,
    });
    const port = Number(new URL(holder.url).port);
    await expect(
      startDemo({ port, dbFile, seed: false, logger: quiet }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await holder.close();
    const later = await startDemo({
      port: 0,
      dbFile,
      seed: false,
      logger: quiet,
    });
    close = later.close;
    expect(later.apiKey).toMatch(/^tka_/);
  });

  it('applies a configuration file of teams and agents', async () => {
    const configFile = join(dir, 'desk.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        teams: [{ id: 'network', name: 'Network' }],
        agents: [
          { id: 'nia', name: 'Nia', role: 'agent', teamIds: ['network'] },
        ],
      }),
    );
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'config.sqlite'),
      seed: false,
      configFile,
      logger: quiet,
    });
    close = demo.close;
    expect((await demo.desk.getAgent('nia'))?.teamIds).toEqual(['network']);
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
