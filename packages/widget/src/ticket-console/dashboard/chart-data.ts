import type { MetricsReport } from '../console-types.js';

/** One bar or point of a chart. */
export interface Datum {
  label: string;
  value: number;
}

/** The figures each chart draws, read from a metrics report as is. */
export interface DashboardData {
  volume: { label: string; created: number; resolved: number }[];
  backlogAge: Datum[];
  /** Resolution time in calendar hours: median, p90 and max. */
  resolution: Datum[];
  /** Share of met targets by priority, in percent, per target. */
  slaByPriority: {
    target: string;
    key: string;
    met: number;
    missed: number;
    percent: number | null;
  }[];
  satisfaction: Datum[];
  summary: {
    /** Tickets the report's filters keep, at any time. */
    tickets: number;
    /** Tickets opened in the report's period (its days' `created`). */
    created: number;
    backlog: number;
    resolved: number;
    average: number | null;
    responseRate: number | null;
  };
}

const round = (value: number | null, places = 1) =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;

/**
 * The chart data of a `GET /metrics` report. Nothing is recomputed:
 * weekly volume, backlog by age, the resolution spread, SLA attainment
 * by priority and the rating distribution, as the server folded them.
 */
export function dashboardData(report: MetricsReport): DashboardData {
  const spread = report.resolution.calendarHours;
  return {
    volume: report.volume.week.map((w) => ({
      label: w.bucket,
      created: w.created,
      resolved: w.resolved,
    })),
    backlogAge: report.backlog.age.map((a) => ({
      label: a.age,
      value: a.tickets,
    })),
    resolution: [
      { label: 'median', value: round(spread.median) ?? 0 },
      { label: 'p90', value: round(spread.p90) ?? 0 },
      { label: 'max', value: round(spread.max) ?? 0 },
    ],
    slaByPriority: report.sla
      .filter((row) => row.by === 'priority')
      .map((row) => ({
        target: row.target,
        key: row.key,
        met: row.met,
        missed: row.missed,
        percent: row.share === null ? null : round(row.share * 100),
      })),
    satisfaction: (['1', '2', '3', '4', '5'] as const).map((stars) => ({
      label: `${stars}★`,
      value: report.satisfaction.distribution[stars],
    })),
    summary: {
      tickets: report.tickets,
      created: report.volume.day.reduce((n, day) => n + day.created, 0),
      backlog: report.backlog.open,
      resolved: spread.n,
      average: round(report.satisfaction.average, 2),
      responseRate: round(report.satisfaction.responseRate),
    },
  };
}
