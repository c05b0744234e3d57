import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '@ticketry/adapters/sqlite';
import { createDesk } from '@ticketry/core';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Runs route-worker.ts in a child process; resolves with its choices. */
function worker(file: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@ticketry/source',
        '--import',
        'tsx',
        join(here, 'route-worker.ts'),
        file,
        String(count),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      else reject(new Error(`worker exited ${code}: ${err}`));
    });
  });
}

describe('round robin shared by two processes', () => {
  it('hands out turns evenly when both route at once on one SQLite file', async () => {
    const file = join(
      mkdtempSync(join(tmpdir(), 'ticketry-rr-')),
      'desk.sqlite',
    );
    const store = sqliteStore({ filename: file });
    const desk = createDesk({ store });
    await desk.createTeam({ id: 'desk', name: 'Service desk' });
    for (const id of ['ada', 'bo', 'cy']) {
      await desk.createAgent({
        id,
        name: id,
        role: 'agent',
        teamIds: ['desk'],
      });
    }
    await store.close();

    // 62 turns over 3 agents: one shared turn gives 21/21/20; a turn
    // per process would give 11/10/10 twice, 22/20/20.
    const [a, b] = await Promise.all([worker(file, 31), worker(file, 31)]);
    const counts: Record<string, number> = {};
    for (const id of [...a!, ...b!]) counts[id] = (counts[id] ?? 0) + 1;
    expect(counts).toEqual({ ada: 21, bo: 21, cy: 20 });

    const reopened = sqliteStore({ filename: file });
    const cursor = await reopened.getRecord(
      'default',
      'routing.cursor',
      'desk',
    );
    expect(cursor?.version).toBe(62);
    await reopened.close();
  }, 60_000);
});
