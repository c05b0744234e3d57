import type { Spread } from './summary.js';

/** One day or week: tickets created, resolves, and the backlog at its end. */
export interface VolumeRow {
  /** Local date the bucket starts on (a Monday for weeks). */
  bucket: string;
  start: string;
  end: string;
  created: number;
  resolved: number;
  /** Tickets open at the bucket's end (or the period's, if sooner). */
  backlog: number;
}

/** Open tickets by age at the end of the period. */
export interface AgeRow {
  /** `<1d`, `1-3d`, `3-7d`, `7-30d`, `30-90d`, `>=90d`. */
  age: string;
  tickets: number;
}

/** A duration in calendar hours and in business hours of the calendar. */
export interface DurationFigures {
  calendarHours: Spread;
  businessHours: Spread;
}

/** Met and missed SLA targets of one group. */
export interface AttainmentRow {
  /** `firstResponse` or `resolution`. */
  target: string;
  /** `policy`, `priority`, `team` or `all`. */
  by: string;
  key: string;
  met: number;
  missed: number;
  /** met / (met + missed); null when nothing was decided. */
  share: number | null;
}

/** Open assigned tickets and resolves in the period, of one agent or team. */
export interface WorkloadRow {
  id: string;
  /** Tickets open and assigned now (as of the last event folded). */
  openAssigned: number;
  /** Resolves in the period credited to this agent or team. */
  resolved: number;
}

/** Everything `report()` answers; durations in hours, shares 0–1. */
export interface MetricsReport {
  period: { from: string; to: string; zone: string };
  filters: {
    teamId?: string;
    category?: string;
    priority?: string;
    channel?: string;
  };
  /** Tickets the filters keep (any time) and events folded in all. */
  tickets: number;
  events: number;
  volume: { day: VolumeRow[]; week: VolumeRow[] };
  backlog: { open: number; ageHours: Spread; age: AgeRow[] };
  /** Tickets first answered in the period: created → first response. */
  firstResponse: DurationFigures;
  /** Tickets whose latest resolve before `to` is in the period: created → that resolve. */
  resolution: DurationFigures;
  sla: AttainmentRow[];
  /** Over tickets created in the period. */
  reopen: {
    tickets: number;
    resolved: number;
    reopened: number;
    rate: number | null;
  };
  /** Over tickets created in the period. */
  reassignment: { tickets: number; total: number; perTicket: Spread };
  /** Over tickets whose latest resolve is in the period. */
  satisfaction: {
    resolved: number;
    rated: number;
    responseRate: number | null;
    average: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  };
  workload: { agents: WorkloadRow[]; teams: WorkloadRow[] };
}

/** The report's sections that `toCsv` can export as a table. */
export const METRICS_SECTIONS = [
  'volume-day',
  'volume-week',
  'backlog-age',
  'durations',
  'sla',
  'satisfaction',
  'workload-agents',
  'workload-teams',
  'summary',
] as const;

/** One exportable section of a report. */
export type MetricsSection = (typeof METRICS_SECTIONS)[number];
