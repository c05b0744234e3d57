import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { createProgressBar } from './progress.ts';

describe('the command line', () => {
  it('reads the file, the mapping and the database', () => {
    expect(
      parseCliArgs([
        'log.csv.gz',
        '--mapping',
        'servicenow',
        '--db',
        'desk.sqlite',
        '--json',
      ]),
    ).toEqual({
      file: 'log.csv.gz',
      mapping: 'servicenow',
      db: 'desk.sqlite',
      json: true,
    });
  });

  it('answers null for --help', () => {
    expect(parseCliArgs(['--help'])).toBeNull();
  });

  it.each([
    [['log.csv', '--mapping', 'jira'], /mapping/],
    [[], /give the log file/],
    [['a.csv', 'b.csv'], /exactly one/],
    [['log.csv', '--colour'], /colour/],
    [['log.csv', '--reopen-window-days', '60'], /reopen-window-days/],
  ])('refuses %j with BAD_ARGUMENTS', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(
      expect.objectContaining({
        code: 'BAD_ARGUMENTS',
        message: expect.stringMatching(message),
      }),
    );
  });
});

describe('the progress bar', () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return {
      written,
      out: { isTTY, columns: 100, write: (t: string) => written.push(t) },
    };
  };

  it('redraws one line in place on a terminal', () => {
    const { written, out } = sink(true);
    const bar = createProgressBar(out);
    bar.update({ phase: 'replay', done: 50, total: 100 });
    bar.update({ phase: 'replay', done: 100, total: 100 });
    bar.done();
    expect(written[0]).toMatch(/^\rreplaying \[#+-+\] {2}50% 50\/100 cases/);
    expect(written[1]).toMatch(/100% 100\/100 cases/);
    expect(written.at(-1)).toBe('\n');
  });

  it('writes a plain line per tenth when not a terminal', () => {
    const { written, out } = sink(false);
    const bar = createProgressBar(out);
    for (let done = 0; done <= 1000; done += 10) {
      bar.update({ phase: 'report', done, total: 1000 });
    }
    bar.done();
    expect(written).toHaveLength(11);
    expect(written.every((line) => !line.includes('\r'))).toBe(true);
    expect(written.at(-1)).toBe('reporting 100% 1,000/1,000 tickets\n');
  });
});
