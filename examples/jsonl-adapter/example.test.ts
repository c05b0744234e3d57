import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { main } from './example.js';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-jsonl-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the README example runs a desk across a restart on one file', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const result = await main(join(dir, 'desk.jsonl'));
    expect(result.ticket).toMatchObject({ ref: 'T-1001', status: 'closed' });
    expect(result.retry.replayed).toBe(true);
    expect(result.fired.map((r) => r.event.type)).toEqual(['ticket.closed']);
    expect(result.events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toHaveBeenCalled();
  } finally {
    log.mockRestore();
  }
});
