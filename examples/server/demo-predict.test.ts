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
      // The history is from 2016: the forecast is made as of its end,
      // the day after its last busy day, and says so.
      expect(body).toMatchObject({
        basis: 'history',
        asOf: '2016-06-01T00:00:00.000Z',
        from: '2016-06-01',
      });
      const [all] = body.series;
      expect(all.key).toBe('*');
      expect(all.days).toHaveLength(14);
      for (const day of all.days) {
        expect(day.low).toBeLessThanOrEqual(day.expected);
        expect(day.high).toBeGreaterThanOrEqual(day.expected);
      }
      // A weekday forecast from weeks of about ten tickets a day, with a band.
      expect(all.week.expected).toBeGreaterThan(20);
      expect(
        all.days.some((d: { low: number; high: number }) => d.high > d.low),
      ).toBe(true);

      // A day's forecast does not depend on how many days are asked.
      for (const days of [1, 7, 28]) {
        const other = await (await get(`/forecast?days=${days}`)).json();
        expect(other.series[0].days[0]).toEqual(all.days[0]);
      }

      const queue = await get('/risk/queue?limit=10');
      expect(queue.status).toBe(200);
      const { tickets } = await queue.json();
      // The tickets open on 2016-06-01, scored as known then.
      expect(tickets).toHaveLength(10);
      for (const t of tickets) {
        expect(t.asOf).toBe('2016-06-01T00:00:00.000Z');
        const ticket = await (await get(`/tickets/${t.ticketId}`)).json();
        expect(Date.parse(ticket.createdAt)).toBeLessThan(Date.parse(t.asOf));
      }
      const risks = tickets.map((t: { risk: number }) => t.risk);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      expect(risks.every((r: number) => r >= 0 && r <= 1)).toBe(true);

      // A ticket filed now is scored as of now, beside them.
      const filed = await fetch(`${demo.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subject: 'VPN drops every hour',
          description: 'Since the update the VPN drops every hour.',
          requester: { email: 'grace@example.com' },
        }),
      });
      const { ticket } = await filed.json();
      // New tickets run the demo's SLA clocks too.
      const seen = await (await get(`/tickets/${ticket.id}`)).json();
      expect(seen.sla?.policyId).toBe('demo-service-desk');
      const own = await (await get(`/tickets/${ticket.id}/risk`)).json();
      expect(Date.parse(own.asOf)).toBeGreaterThan(
        Date.parse(ticket.createdAt) - 1,
      );
      expect((await (await get('/forecast')).json()).basis).toBe('history');

      expect((await get('/forecast')).status).toBe(200);
      const anonymous = await fetch(`${demo.url}/api/v1/risk/queue`);
      expect(anonymous.status).toBe(401);
    } finally {
      await demo.close();
    }
  }, 120_000);
});
