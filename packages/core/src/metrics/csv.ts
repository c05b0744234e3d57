import { TicketryError } from '../errors.js';
import {
  METRICS_SECTIONS,
  type MetricsReport,
  type MetricsSection,
} from './report-types.js';
import type { Spread } from './summary.js';

type Cell = string | number | boolean | null | undefined;

/** Cells a spreadsheet would run as a formula start with one of these. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break, quotes doubled; text a spreadsheet would read as a formula
 * gets a leading `'`. Numbers are written as they are, negative ones
 * included.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly Cell[]) => cells.map(csvCell).join(',');

const spreadCells = (s: Spread) => [s.n, s.mean, s.median, s.p90, s.max];

function table(r: MetricsReport, section: MetricsSection): Cell[][] {
  switch (section) {
    case 'volume-day':
    case 'volume-week': {
      const rows = section === 'volume-day' ? r.volume.day : r.volume.week;
      return [
        ['bucket', 'start', 'end', 'created', 'resolved', 'backlog'],
        ...rows.map((v) => [
          v.bucket,
          v.start,
          v.end,
          v.created,
          v.resolved,
          v.backlog,
        ]),
      ];
    }
    case 'backlog-age':
      return [
        ['age', 'tickets'],
        ...r.backlog.age.map((a) => [a.age, a.tickets]),
      ];
    case 'durations':
      return [
        ['measure', 'hours', 'n', 'mean', 'median', 'p90', 'max'],
        [
          'first_response',
          'calendar',
          ...spreadCells(r.firstResponse.calendarHours),
        ],
        [
          'first_response',
          'business',
          ...spreadCells(r.firstResponse.businessHours),
        ],
        ['resolution', 'calendar', ...spreadCells(r.resolution.calendarHours)],
        ['resolution', 'business', ...spreadCells(r.resolution.businessHours)],
        ['backlog_age', 'calendar', ...spreadCells(r.backlog.ageHours)],
      ];
    case 'sla':
      return [
        ['target', 'by', 'key', 'met', 'missed', 'share'],
        ...r.sla.map((a) => [a.target, a.by, a.key, a.met, a.missed, a.share]),
      ];
    case 'satisfaction':
      return [
        ['rating', 'tickets'],
        ...Object.entries(r.satisfaction.distribution).map(([k, n]) => [k, n]),
      ];
    case 'workload-agents':
    case 'workload-teams': {
      const rows =
        section === 'workload-agents' ? r.workload.agents : r.workload.teams;
      return [
        ['id', 'open_assigned', 'resolved'],
        ...rows.map((w) => [w.id, w.openAssigned, w.resolved]),
      ];
    }
    case 'summary':
      return summary(r);
  }
}

function summary(r: MetricsReport): Cell[][] {
  const s = r.satisfaction;
  return [
    ['figure', 'value'],
    ['from', r.period.from],
    ['to', r.period.to],
    ['zone', r.period.zone],
    ['tickets', r.tickets],
    ['backlog_open', r.backlog.open],
    ['reopen_rate', r.reopen.rate],
    ['reassignments_per_ticket', r.reassignment.perTicket.mean],
    ['satisfaction_average', s.average],
    ['satisfaction_response_rate', s.responseRate],
    ['resolution_median_hours', r.resolution.calendarHours.median],
    ['first_response_median_hours', r.firstResponse.calendarHours.median],
  ];
}

/**
 * One section of a report as CSV text (RFC 4180: CRLF line ends,
 * quoted fields where needed), safe to open in a spreadsheet.
 * Throws `VALIDATION_FAILED` for an unknown section.
 *
 * @example
 * toCsv(metrics.report(), 'volume-day');
 * // bucket,start,end,created,resolved,backlog\r\n2024-03-31,…
 */
export function toCsv(report: MetricsReport, section: MetricsSection): string {
  if (!METRICS_SECTIONS.includes(section)) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `no metrics section ${section}`,
      {
        details: { path: ['section'], sections: [...METRICS_SECTIONS] },
      },
    );
  }
  return `${table(report, section).map(line).join('\r\n')}\r\n`;
}
