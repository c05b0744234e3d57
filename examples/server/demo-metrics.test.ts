import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayFile } from '../replay/replay-file.ts';
import { replayDesk } from '../replay/test-support.ts';
import { SAMPLE_LOG, startDemo } from './demo.ts';
import { demoSla } from './demo-sla.ts';
import { createLogger } from './log.ts';

describe('metrics in the demo server', () => {
  it('serves figures over the seeded history that equal the replay report', async () => {
    const dbFile = join(
      mkdtempSync(join(tmpdir(), 'ticketry-demo-metrics-')),
      'demo.sqlite',
    );
    const demo = await startDemo({
      port: 0,
      dbFile,
      routing: false,
      logger: createLogger({ quiet: true }),
    });
    try {
      const { desk } = replayDesk({
        closedReplyPolicy: 'reopen',
        sla: demoSla(),
      });
      const replay = await replayFile(desk, SAMPLE_LOG, {
        mapping: 'servicenow',
      });
      const auth = { authorization: `Bearer ${demo.apiKey}` };

      const response = await fetch(`${demo.url}/api/v1/metrics`, {
        headers: auth,
      });
      expect(response.status).toBe(200);
      const report = await response.json();
      expect(report.tickets).toBe(replay.tickets);
      expect(report.resolution.calendarHours).toEqual({
        n: replay.openToResolvedHours.n,
        mean: replay.openToResolvedHours.mean,
        median: replay.openToResolvedHours.median,
        p90: replay.openToResolvedHours.p90,
        max: replay.openToResolvedHours.max,
      });
      expect(report.reopen.reopened).toBe(replay.reopenedTickets);
      // The history runs the demo's SLA policies: resolution targets met
      // and missed per priority, as the replay under them counts.
      const resolution = report.sla.filter(
        (r: { by: string; target: string }) =>
          r.by === 'priority' && r.target === 'resolution',
      );
      expect(resolution.length).toBeGreaterThan(0);
      for (const row of resolution) {
        const counted = replay.sla!.resolution.byPriority[row.key]!;
        expect([row.key, row.met, row.missed]).toEqual([
          row.key,
          counted.met,
          counted.missed,
        ]);
      }

      const csv = await fetch(
        `${demo.url}/api/v1/metrics.csv?section=volume-week&from=2016-03-07T00:00:00Z&to=2016-03-14T00:00:00Z`,
        {
          headers: auth,
        },
      );
      expect(csv.headers.get('content-disposition')).toBe(
        'attachment; filename="metrics-volume-week-2016-03-07-2016-03-14.csv"',
      );
      const [header, week] = (await csv.text()).split('\r\n');
      expect(header).toBe('bucket,start,end,created,resolved,backlog');
      expect(week).toMatch(
        /^2016-03-07,2016-03-07T00:00:00.000Z,2016-03-14T00:00:00.000Z,\d+,\d+,\d+$/,
      );
    } finally {
      await demo.close();
    }
  }, 60_000);
});
