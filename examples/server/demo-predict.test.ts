import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { createLogger } from './log.ts';

describe('predictions in the demo server', () => {
  it('answers the forecast and the risk queue over the seeded history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticketry-demo-predict-'));
    const demo = await startDemo({
      port: 0,
      dbFile: join(dir, 'demo.sqlite'),
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    try {
      const auth = { authorization: `Bearer ${demo.apiKey}` };
      const get = (path: string) =>
        fetch(`${demo.url}/api/v1${path}`, { headers: auth });

      const forecast = await get('/forecast?days=14');
      expect(forecast.status).toBe(200);
      const body = await forecast.json();
      expect(body.from).toBe(new Date().toISOString().slice(0, 10));
      // The history is years old: only the demo's own tickets make series.
      for (const { days } of body.series) {
        expect(days).toHaveLength(14);
        for (const day of days) {
          expect(day.low).toBeLessThanOrEqual(day.expected);
          expect(day.high).toBeGreaterThanOrEqual(day.expected);
        }
      }

      const queue = await get('/risk/queue?limit=10');
      expect(queue.status).toBe(200);
      const { tickets } = await queue.json();
      const list = await get(
        '/tickets?status=new,open,assigned,in_progress,pending&limit=100',
      );
      const { items } = await list.json();
      // The seeded history leaves open tickets; the trained model scores each.
      expect(items.length).toBeGreaterThan(0);
      expect(tickets.length).toBe(Math.min(10, items.length));
      const ids = new Set(items.map((t: { id: string }) => t.id));
      expect(
        tickets.every((t: { ticketId: string }) => ids.has(t.ticketId)),
      ).toBe(true);
      const risks = tickets.map((t: { risk: number }) => t.risk);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      expect(risks.every((r: number) => r >= 0 && r <= 1)).toBe(true);

      expect((await get('/forecast')).status).toBe(200);
      const anonymous = await fetch(`${demo.url}/api/v1/risk/queue`);
      expect(anonymous.status).toBe(401);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
