import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError } from '../errors.js';
import type { Status } from '../public/vocabulary.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type ActionContext,
  type ActionOutcome,
  type AutomationMarker,
  runActions,
} from './actions.js';
import { matches } from './conditions.js';
import type { MacroAction, Schedule } from './schema.js';

/** The record kind that remembers which condition a schedule fired on. */
export const FIRING_KIND = 'automation.firing';

/** One schedule fired on one ticket. */
export interface ScheduleRun {
  scheduleId: string;
  ticketId: string;
  outcomes: ActionOutcome[];
}

/** Statuses a stale ticket may be in unless the schedule says. */
const WORKING: Status[] = ['new', 'open', 'assigned', 'in_progress'];
const HOUR = 3_600_000;

/** How long a schedule waits, in milliseconds. */
export const delayOf = (s: Schedule) =>
  (s.afterHours ?? (s.afterDays ?? 0) * 24) * HOUR;

function statusesOf(s: Schedule): Status[] {
  if (s.kind === 'remind_pending') return ['pending'];
  if (s.kind === 'close_resolved') return ['resolved'];
  return s.statuses ?? WORKING;
}

/**
 * Whether a ticket meets a schedule's condition. A resolved ticket the
 * desk closes by itself (`autoCloseAt` passed) is left to `desk.tick()`:
 * the schedule only closes earlier than the desk would.
 */
function isDue(s: Schedule, t: Ticket, cutoff: string, now: string) {
  if (s.kind === 'close_resolved') {
    return (
      t.resolvedAt !== null &&
      t.resolvedAt <= cutoff &&
      (t.autoCloseAt === null || t.autoCloseAt > now)
    );
  }
  if (s.kind === 'remind_pending' && t.pendingReason !== 'requester') {
    return false;
  }
  return t.updatedAt <= cutoff;
}

/** A claim older than this is taken as a crashed run and retried. */
const CLAIM_TTL_MS = 10 * 60_000;

interface Firing {
  version: number;
  at: string;
  state: 'claimed' | 'fired';
}

/**
 * Claims a firing, or returns null when it is not ours to fire. The
 * record keeps the ticket version the schedule last left it at: while
 * the ticket stays at that version the condition is the one already
 * handled. The record is read before the ticket, and written against
 * the version read, so of two processes only one claims, and neither
 * fires on a ticket the other just acted on.
 */
async function claim(
  core: DeskCore,
  s: Schedule,
  due: (t: Ticket) => boolean,
  ticketId: string,
  at: string,
): Promise<number | null> {
  const key = `${s.id}/${ticketId}`;
  const found = await core.store.getRecord(core.siteId, FIRING_KIND, key);
  const firing = found?.value as Firing | undefined;
  const running =
    firing?.state === 'claimed' &&
    Date.parse(at) - Date.parse(firing.at) < CLAIM_TTL_MS;
  if (running) return null;
  const t = await core.store.getTicket(core.siteId, ticketId);
  if (!t || !due(t) || firing?.version === t.version) return null;
  try {
    const value: Firing = { version: t.version, at, state: 'claimed' };
    const written = await core.store.putRecord({
      siteId: core.siteId,
      kind: FIRING_KIND,
      key,
      value: { ...value },
      expectedVersion: found?.version ?? 0,
      at,
    });
    return written.version;
  } catch (error) {
    // Another process claimed it first.
    if (error instanceof ConflictError) return null;
    throw error;
  }
}

async function settle(
  core: DeskCore,
  s: Schedule,
  ticketId: string,
  claimed: number,
  at: string,
) {
  const t = await core.load(ticketId);
  await core.store
    .putRecord({
      siteId: core.siteId,
      kind: FIRING_KIND,
      key: `${s.id}/${ticketId}`,
      value: { version: t.version, at, state: 'fired' } satisfies Firing,
      expectedVersion: claimed,
      at,
    })
    .catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
}

/** What a schedule run needs besides the desk. */
export type ScheduleContext = (
  marker: AutomationMarker,
) => Omit<ActionContext, 'marker'>;

/**
 * Fires one schedule on every ticket that meets it at `now`, once per
 * condition: the firing is claimed in a store record first, so a second
 * run, a restarted process or another process finds it done.
 */
export async function runSchedule(
  core: DeskCore,
  context: ScheduleContext,
  s: Schedule,
  now: Date,
  risk?: (ticketId: string) => number | null,
): Promise<ScheduleRun[]> {
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - delayOf(s)).toISOString();
  const marker: AutomationMarker = { ruleId: s.id, kind: 'schedule', depth: 1 };
  const actions: MacroAction[] = [...s.actions];
  if (s.kind === 'close_resolved') {
    actions.push({ type: 'command', command: { type: 'close' } });
  }
  const due = (t: Ticket) =>
    isDue(s, t, cutoff, at) &&
    matches(s.conditions, { ticket: t, ...(risk && { risk }) });
  const runs: ScheduleRun[] = [];
  let cursor: string | null = null;
  do {
    const page = await core.store.listTickets(core.siteId, {
      status: statusesOf(s),
      limit: 200,
      cursor,
    });
    for (const t of page.items) {
      if (!due(t)) continue;
      // The page may be stale by now: the claim checks a fresh read.
      const claimed = await claim(core, s, due, t.id, at);
      if (claimed === null) continue;
      const ctx = { ...context(marker), marker };
      const outcomes = await runActions(ctx, t.id, actions);
      await settle(core, s, t.id, claimed, at);
      runs.push({ scheduleId: s.id, ticketId: t.id, outcomes });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return runs;
}
