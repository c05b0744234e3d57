import { describe, expect, it } from 'vitest';
import { TicketryError } from '../errors.js';
import { csvCell, toCsv } from './csv.js';
import { computeMetrics } from './metrics.js';
import { METRICS_SECTIONS, type MetricsReport } from './report-types.js';
import { metricsScenario } from './test-scenario.js';

/** A small RFC 4180 reader, to read back what toCsv wrote. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endCell();
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-1.5)).toBe('-1.5');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tcmd']) {
      expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes every section with a header and rows that read back to the report', async () => {
    const { store, calendar } = await metricsScenario();
    const { events } = await store.readFeed(0, 1000);
    const report = computeMetrics(events, { zone: 'Europe/Berlin', calendar });
    for (const section of METRICS_SECTIONS) {
      const text = toCsv(report, section);
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parse(text);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    }
    const days = parse(toCsv(report, 'volume-day'));
    expect(days[0]).toEqual([
      'bucket',
      'start',
      'end',
      'created',
      'resolved',
      'backlog',
    ]);
    expect(days.slice(1).map((r) => Number(r[3]))).toEqual(
      report.volume.day.map((d) => d.created),
    );
    const durations = parse(toCsv(report, 'durations'));
    expect(Number(durations[3]![4])).toBe(
      report.resolution.calendarHours.median,
    );
  });

  it('defuses a hostile team id in the workload export', async () => {
    const { store } = await metricsScenario();
    const { events } = await store.readFeed(0, 1000);
    const report = computeMetrics(events);
    const hostile: MetricsReport = {
      ...report,
      workload: {
        agents: [],
        teams: [{ id: '=cmd|"/c calc"!A1', openAssigned: 1, resolved: 0 }],
      },
    };
    const rows = parse(toCsv(hostile, 'workload-teams'));
    expect(rows[1]![0]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('refuses an unknown section with VALIDATION_FAILED', async () => {
    const report = computeMetrics([]);
    expect(() => toCsv(report, 'charts' as never)).toThrow(TicketryError);
    expect(report.tickets).toBe(0);
    expect(parse(toCsv(report, 'volume-day'))).toHaveLength(1);
  });
});
