import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { createCsvParser } from './csv.ts';
import { replayFile } from './replay-file.ts';
import { formatSla, readSlaFile } from './sla-report.ts';
import { replayDesk, SERVICENOW_SAMPLE, writeTemp } from './test-support.ts';

const POLICY = new URL('./servicenow-sla.json', import.meta.url).pathname;

/** The log's own made_sla at each incident's last update, read directly. */
function madeSlaFromCsv(): { made: number; total: number } {
  const records: string[][] = [];
  const parser = createCsvParser((fields) => records.push(fields));
  parser.push(readFileSync(SERVICENOW_SAMPLE, 'utf8'));
  parser.end();
  const [header, ...rows] = records;
  const col = (name: string) => header!.indexOf(name);
  const last = new Map<string, { count: number; made: string }>();
  for (const row of rows) {
    const id = row[col('number')]!;
    const count = Number(row[col('sys_mod_count')]);
    const seen = last.get(id);
    if (!seen || count >= seen.count) {
      last.set(id, { count, made: row[col('made_sla')]! });
    }
  }
  const values = [...last.values()];
  return {
    made: values.filter((v) => v.made === 'true').length,
    total: values.length,
  };
}

describe('replaying with --sla', async () => {
  const sla = await readSlaFile(POLICY);
  const { desk } = replayDesk({ closedReplyPolicy: 'reopen', sla });
  const report = await replayFile(desk, SERVICENOW_SAMPLE);
  const figures = report.sla!;

  it('runs every incident under the policy file and counts each ticket once', () => {
    expect(figures.policies).toEqual(['servicenow-incident@1']);
    expect(figures.calendars).toEqual(['24x7']);
    const all = figures.resolution.all;
    expect(all.tickets).toBe(report.tickets);
    expect(all.met + all.missed + all.open).toBe(all.tickets);
    const perPriority = Object.values(figures.resolution.byPriority);
    expect(perPriority.reduce((n, a) => n + a.tickets, 0)).toBe(all.tickets);
    expect(all.share).toBeGreaterThan(0.3);
    expect(all.share).toBeLessThan(1);
    expect(figures.paused).toBeGreaterThan(0);
  });

  it('puts the log made_sla share beside it, equal to a direct count of the CSV', () => {
    const { made, total } = madeSlaFromCsv();
    expect(figures.resolution.all.logShare).toBeCloseTo(made / total, 10);
  });

  it('prints attainment per priority beside the log share', () => {
    const text = formatSla(figures);
    expect(text).toMatch(
      /moderate +\d+\.\d% met \(\d+ of \d+.*log made_sla \d+\.\d%/,
    );
    expect(text).toMatch(
      /^SLA \(policy servicenow-incident@1; calendar 24x7\)/,
    );
  });
});

describe('policy files', () => {
  it('refuses a missing file, bad JSON and a policy without targets', async () => {
    await expect(readSlaFile('/nonexistent/policy.json')).rejects.toMatchObject(
      {
        code: 'FILE_UNREADABLE',
      },
    );
    await expect(readSlaFile(writeTemp('bad.json', '{'))).rejects.toMatchObject(
      {
        code: 'BAD_ARGUMENTS',
      },
    );
    const noTargets = writeTemp(
      'empty.json',
      JSON.stringify({
        policies: [
          { id: 'x', version: 1, targets: { high: { resolution: '2d' } } },
        ],
      }),
    );
    await expect(readSlaFile(noTargets)).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
      message: expect.stringMatching(/duration/),
    });
  });

  it('is named on the command line with --sla', () => {
    expect(parseCliArgs(['log.csv', '--sla', 'policy.json'])).toMatchObject({
      sla: 'policy.json',
    });
  });
});
