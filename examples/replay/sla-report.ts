import { readFile } from 'node:fs/promises';
import {
  type AuditEvent,
  createSlaRegistry,
  PRIORITIES,
  rebuildTicket,
  type SlaRegistry,
  TicketryError,
} from '@ticketry/core';
import { ReplayError } from './errors.ts';

/** Met and missed targets over a group of tickets. */
export interface Attainment {
  tickets: number;
  met: number;
  missed: number;
  /** Tickets whose clock never stopped on its goal (never resolved). */
  open: number;
  /** met / (met + missed), or null when nothing finished. */
  share: number | null;
  /** The log's own `made_sla` share over the same tickets, when it has one. */
  logShare: number | null;
}

/** SLA figures of a replay run under a policy. */
export interface SlaFigures {
  policies: string[];
  calendars: string[];
  /** Resolution targets met, by the priority whose targets applied. */
  resolution: { all: Attainment; byPriority: Record<string, Attainment> };
  /** First-response targets met, the same way. */
  firstResponse: { all: Attainment; byPriority: Record<string, Attainment> };
  /** Tickets whose clocks were paused at least once. */
  paused: number;
}

/**
 * Reads a policy file: JSON holding what `createDesk({ sla })` takes
 * (calendars, policies, teamCalendars, defaultCalendarId). A missing
 * file is FILE_UNREADABLE, a bad one BAD_ARGUMENTS naming the issue.
 */
export async function readSlaFile(path: string): Promise<SlaRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReplayError(
      'FILE_UNREADABLE',
      `cannot read ${path}`,
      { path },
      error,
    );
  }
  try {
    return createSlaRegistry(JSON.parse(text));
  } catch (error) {
    const why =
      error instanceof TicketryError || error instanceof SyntaxError
        ? error.message
        : String(error);
    throw new ReplayError('BAD_ARGUMENTS', `${path}: ${why}`, { path }, error);
  }
}

interface Tally {
  tickets: number;
  met: number;
  missed: number;
  open: number;
  logKnown: number;
  logMet: number;
}

const empty = (): Tally => ({
  tickets: 0,
  met: 0,
  missed: 0,
  open: 0,
  logKnown: 0,
  logMet: 0,
});

function finish(t: Tally): Attainment {
  const done = t.met + t.missed;
  return {
    tickets: t.tickets,
    met: t.met,
    missed: t.missed,
    open: t.open,
    share: done === 0 ? null : t.met / done,
    logShare: t.logKnown === 0 ? null : t.logMet / t.logKnown,
  };
}

function group(tallies: Map<string, Tally>) {
  const all = empty();
  const byPriority: Record<string, Attainment> = {};
  for (const p of [...PRIORITIES]) {
    const t = tallies.get(p);
    if (!t) continue;
    byPriority[p] = finish(t);
    for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  }
  return { all: finish(all), byPriority };
}

/**
 * Attainment per priority, from the tickets the audit events rebuild:
 * each ticket's final SLA state says whether its resolution and first
 * response clocks stopped before their deadlines. The log's own
 * `made_sla` (kept by the mapping as `fields.madeSla`) is counted over
 * the same tickets, so the two shares sit side by side.
 */
export function slaFiguresFromEvents(
  eventsByTicket: Iterable<readonly AuditEvent[]>,
): SlaFigures | null {
  const resolution = new Map<string, Tally>();
  const first = new Map<string, Tally>();
  const policies = new Set<string>();
  const calendars = new Set<string>();
  let paused = 0;
  let any = false;
  for (const events of eventsByTicket) {
    const ticket = rebuildTicket(events);
    const sla = ticket?.sla;
    if (!ticket || !sla) continue;
    any = true;
    policies.add(`${sla.policyId}@${sla.policyVersion}`);
    calendars.add(sla.calendarId);
    if (sla.pauses.length) paused += 1;
    const made = ticket.fields['madeSla'];
    for (const [target, tallies] of [
      ['resolution', resolution],
      ['firstResponse', first],
    ] as const) {
      const clock = sla.clocks.find((c) => c.target === target);
      if (!clock || clock.targetMs === null) continue;
      const t = tallies.get(sla.priority) ?? empty();
      tallies.set(sla.priority, t);
      t.tickets += 1;
      if (clock.met === true) t.met += 1;
      else if (clock.met === false) t.missed += 1;
      else t.open += 1;
      if (typeof made === 'boolean') {
        t.logKnown += 1;
        if (made) t.logMet += 1;
      }
    }
  }
  if (!any) return null;
  return {
    policies: [...policies].sort(),
    calendars: [...calendars].sort(),
    resolution: group(resolution),
    firstResponse: group(first),
    paused,
  };
}

const percent = (share: number | null) =>
  share === null ? 'n/a' : `${(share * 100).toFixed(1)}%`;
const n = (value: number) => value.toLocaleString('en');

function rows(title: string, figures: SlaFigures['resolution']): string[] {
  const line = (name: string, a: Attainment) =>
    `    ${name.padEnd(9)} ${percent(a.share).padStart(6)} met ` +
    `(${n(a.met)} of ${n(a.met + a.missed)}` +
    `${a.open ? `, ${n(a.open)} never resolved` : ''})` +
    `${a.logShare === null ? '' : `; log made_sla ${percent(a.logShare)}`}`;
  return [
    `  ${title}`,
    ...Object.entries(figures.byPriority).map(([p, a]) => line(p, a)),
    line('all', figures.all),
  ];
}

/** The SLA section of the text report. */
export function formatSla(f: SlaFigures): string {
  return [
    `SLA (policy ${f.policies.join(', ')}; calendar ${f.calendars.join(', ')})`,
    ...rows('resolution target', f.resolution),
    ...rows('first response target', f.firstResponse),
    `  tickets whose clocks paused at least once: ${n(f.paused)}`,
  ].join('\n');
}
