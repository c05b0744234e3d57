import { z } from 'zod';
import { TicketryError, validationError } from '../errors.js';
import { idSchema } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  ALWAYS_OPEN,
  type BusinessCalendar,
  compileCalendar,
} from './business-calendar.js';
import { calendarSchema } from './calendar-schema.js';
import { policySchema, type SlaPolicy } from './policy-schema.js';

/**
 * The SLA setup of a desk: calendars, policies (several versions of one
 * id may be listed), a calendar per team and a default calendar.
 */
export const slaConfigSchema = z
  .object({
    calendars: z.array(calendarSchema).max(1000).default([]),
    policies: z.array(policySchema).min(1).max(1000),
    /** Team id → calendar id. */
    teamCalendars: z.record(idSchema, idSchema).default({}),
    /** Used when neither the policy nor the team names one. @default '24x7' (UTC) */
    defaultCalendarId: idSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const calendars = new Set(['24x7', ...c.calendars.map((k) => k.id)]);
    if (calendars.size !== c.calendars.length + 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'calendar ids must be unique and not "24x7"',
        path: ['calendars'],
      });
    }
    const versions = new Set(c.policies.map((p) => `${p.id}@${p.version}`));
    if (versions.size !== c.policies.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'each policy id and version may be listed once',
        path: ['policies'],
      });
    }
    const refs: [string | undefined, (string | number)[]][] = [
      [c.defaultCalendarId, ['defaultCalendarId']],
      ...c.policies.map(
        (p, i) =>
          [p.calendarId, ['policies', i, 'calendarId']] as [
            string | undefined,
            (string | number)[],
          ],
      ),
      ...Object.entries(c.teamCalendars).map(
        ([team, id]) =>
          [id, ['teamCalendars', team]] as [string, (string | number)[]],
      ),
    ];
    for (const [id, path] of refs) {
      if (id !== undefined && !calendars.has(id)) {
        ctx.addIssue({ code: 'custom', message: `no calendar ${id}`, path });
      }
    }
  });

/** The SLA setup as written (durations as text or minutes). */
export type SlaConfigInput = z.input<typeof slaConfigSchema>;

/** Compiled calendars and policies, and the rules that pick them. */
export interface SlaRegistry {
  /** Every compiled calendar by id, the built-in `24x7` included. */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** Current (highest) version of each policy, in configured order. */
  readonly current: readonly SlaPolicy[];
  /** A calendar by id; throws NOT_FOUND for an unknown one. */
  calendar(id: string): BusinessCalendar;
  /** A policy version, or NOT_FOUND. */
  policy(id: string, version?: number): SlaPolicy;
  /** The first current policy whose conditions the ticket meets, or null. */
  select(ticket: Ticket): SlaPolicy | null;
  /**
   * The calendar a ticket runs on: the policy's own, else its team's,
   * else the default, else 24/7 in UTC.
   */
  calendarFor(policy: SlaPolicy, teamId: string | null): BusinessCalendar;
}

function matches(p: SlaPolicy, t: Ticket): boolean {
  const m = p.match;
  if (m.teamIds && !(t.teamId && m.teamIds.includes(t.teamId))) return false;
  if (m.types && !(t.type && m.types.includes(t.type))) return false;
  if (m.categories && !(t.category && m.categories.includes(t.category))) {
    return false;
  }
  if (m.channels && !m.channels.includes(t.channel)) return false;
  return true;
}

/**
 * Validates an SLA setup and compiles its calendars. Throws
 * `VALIDATION_FAILED` with zod's issues when it is not usable.
 *
 * @example
 * const registry = createSlaRegistry({
 *   policies: [{ id: 'standard', version: 1, targets: { high: { resolution: '8h' } } }],
 * });
 */
export function createSlaRegistry(input: SlaConfigInput): SlaRegistry {
  const parsed = slaConfigSchema.safeParse(input);
  if (!parsed.success) throw validationError('SLA setup', parsed.error.issues);
  const config = parsed.data;
  const calendars = new Map<string, BusinessCalendar>([['24x7', ALWAYS_OPEN]]);
  for (const c of config.calendars) calendars.set(c.id, compileCalendar(c));

  const versions = new Map<string, SlaPolicy>();
  const latest = new Map<string, SlaPolicy>();
  for (const p of config.policies) {
    versions.set(`${p.id}@${p.version}`, p);
    const known = latest.get(p.id);
    if (!known || known.version < p.version) latest.set(p.id, p);
  }
  const order = [...new Set(config.policies.map((p) => p.id))];
  const current = order.map((id) => latest.get(id)!);
  const fallback = config.defaultCalendarId ?? '24x7';

  const calendar = (id: string) => {
    const found = calendars.get(id);
    if (!found) {
      throw new TicketryError('NOT_FOUND', `no SLA calendar ${id}`, {
        details: { calendarId: id },
      });
    }
    return found;
  };

  return {
    calendars,
    current,
    calendar,
    policy(id, version) {
      const found =
        version === undefined
          ? latest.get(id)
          : versions.get(`${id}@${version}`);
      if (!found) {
        throw new TicketryError(
          'NOT_FOUND',
          `SLA policy ${id}${version === undefined ? '' : ` version ${version}`} is not configured; keep old versions listed while tickets run under them`,
          { details: { policyId: id, version } },
        );
      }
      return found;
    },
    select: (ticket) => current.find((p) => matches(p, ticket)) ?? null,
    calendarFor(policy, teamId) {
      const team = teamId ? config.teamCalendars[teamId] : undefined;
      return calendar(policy.calendarId ?? team ?? fallback);
    },
  };
}
