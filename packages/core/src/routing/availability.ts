import type { Agent } from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type BusinessCalendar,
  compileCalendar,
} from '../sla/business-calendar.js';
import { leastLoaded } from './least-loaded.js';
import { narrowThen } from './narrow.js';
import type { Router, RoutingContext, RoutingDecision } from './types.js';

const calendars = new Map<string, BusinessCalendar>();

/**
 * The agent's working hours as an SLA business calendar (compiled once
 * per distinct definition), or null when it keeps no hours.
 */
export function calendarOf(agent: Agent): BusinessCalendar | null {
  const r = agent.routing;
  if (!r?.workingHours) return null;
  const timeZone = r.timeZone ?? 'UTC';
  const key = JSON.stringify([timeZone, r.workingHours]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = compileCalendar({
      id: 'agent-hours',
      timeZone,
      hours: r.workingHours,
    });
    if (calendars.size >= 500) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/** Why an agent is not at work at `now`, or null when it is. */
export function offDuty(agent: Agent, now: Date): string | null {
  if (agent.routing?.status === 'away') return 'away';
  const calendar = calendarOf(agent);
  if (calendar && !calendar.isWorking(now.getTime())) {
    return `outside working hours (${calendar.wallTime(now.getTime())} in ${calendar.timeZone})`;
  }
  return null;
}

/** Options of {@link availability}. */
export interface AvailabilityOptions {
  /** Picks among the agents at work. @default leastLoaded() */
  pick?: Router;
}

/**
 * Agents at work now: not away, and inside their working hours in
 * their own time zone (read with the SLA calendar engine, so days when
 * clocks change count right), then `pick` among them.
 *
 * @example
 * const router = availability({ pick: roundRobin() });
 */
export function availability(options: AvailabilityOptions = {}): Router {
  const pick = options.pick ?? leastLoaded();
  return {
    name: 'availability',
    route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      return narrowThen('availability', ticket, ctx, pick, (pool) => {
        const verdicts = pool.map((c) => {
          const why = offDuty(c.agent, ctx.now);
          return why ? { excluded: why } : {};
        });
        return {
          verdicts,
          reason: 'kept agents at work now',
          none: 'no eligible agent is at work now',
        };
      });
    },
  };
}
