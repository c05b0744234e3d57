import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { ARRIVAL_COLUMNS, arrivalsOf } from './routing-arrivals.ts';
import { replayRouting } from './routing-replay.ts';
import { type BalanceReport, balanceOf } from './routing-report.ts';
import { readRows } from './source.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SAMPLE = join(
  root,
  'data/servicenow-uci-incident-log/incident_event_log_sample_every25th.csv',
);
const rows = (await readRows(SAMPLE, { columns: () => ARRIVAL_COLUMNS })).rows;

/** Every routed ticket went to a member of the group it was routed in. */
const routedInsideGroups = (r: BalanceReport) =>
  r.perGroup.reduce((sum, g) => sum + g.routed.tickets, 0);

describe('balance figures', () => {
  it('compute max/min over busy holders and the coefficient of variation', () => {
    const b = balanceOf([0, 2, 4, 6]);
    const mean = 3;
    const sd = Math.sqrt((9 + 1 + 1 + 9) / 4);
    expect(b).toEqual({
      holders: 4,
      tickets: 12,
      min: 0,
      max: 6,
      maxMinRatio: 3,
      idle: 1,
      cv: sd / mean,
    });
    expect(balanceOf([]).cv).toBeNull();
  });
});

describe('replaying the ServiceNow sample through routers', () => {
  const { arrivals, staff } = arrivalsOf(rows);

  it('reads each incident once, with the group and agent the log gave it', () => {
    const numbers = new Set(rows.map((r) => r.number));
    expect(arrivals.length).toBeLessThanOrEqual(numbers.size);
    expect(arrivals.length).toBeGreaterThan(numbers.size * 0.95);
    expect(
      arrivals.every((a, i) => i === 0 || arrivals[i - 1]!.at <= a.at),
    ).toBe(true);
    for (const a of arrivals) expect(staff.teams.has(a.teamId)).toBe(true);
  });

  it('round robin spreads incidents over agents far more evenly than the log', async () => {
    const r = await replayRouting(rows, 'round-robin');
    expect(r.queued).toBe(0);
    expect(routedInsideGroups(r)).toBe(r.routed);
    // Inside-group routing keeps the log's group totals.
    expect(r.groups.routed).toEqual(r.groups.log);
    expect(r.agents.routed.cv!).toBeLessThan(r.agents.log.cv! / 2);
    const busiest = r.perGroup[0]!;
    expect(busiest.routed.cv!).toBeLessThan(busiest.log.cv!);
  }, 60_000);

  it('least loaded and skills route inside groups and beat the log on balance', async () => {
    for (const strategy of ['least-loaded', 'skills'] as const) {
      const r = await replayRouting(rows, strategy);
      expect(routedInsideGroups(r), strategy).toBe(r.routed);
      expect(r.agents.routed.cv!, strategy).toBeLessThan(r.agents.log.cv!);
    }
  }, 60_000);

  it('team rules choose groups by category, moving incidents between groups', async () => {
    const r = await replayRouting(rows, 'team-rules');
    expect(routedInsideGroups(r)).toBe(r.routed);
    expect(r.groups.routed).not.toEqual(r.groups.log);
  }, 60_000);
});

describe('npm run replay -- --routing', () => {
  it('takes a strategy name and refuses an unknown one', () => {
    expect(parseCliArgs(['log.csv', '--routing', 'round-robin'])).toMatchObject(
      { routing: 'round-robin' },
    );
    expect(() => parseCliArgs(['log.csv', '--routing', 'random'])).toThrow(
      expect.objectContaining({
        code: 'BAD_ARGUMENTS',
        message: expect.stringMatching(/routing/),
      }),
    );
  });

  it('prints the balance report as JSON', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=@ticketry/source',
        '--import',
        'tsx',
        join(here, 'cli.ts'),
        SAMPLE,
        '--routing',
        'chain',
        '--json',
      ],
      { cwd: root },
    );
    const report = JSON.parse(stdout) as BalanceReport;
    expect(report.strategy).toBe('chain');
    expect(report.routed + report.queued).toBe(report.incidents);
    expect(report.perAgent.length).toBe(report.agents.log.holders);
  }, 60_000);
});
