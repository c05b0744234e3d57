/**
 * Priority escalation with age: a ticket left unassigned (or open) for
 * N hours goes up one priority step, again after each further N hours,
 * each step a system `update` with its `priorityReason`.
 */
import { z } from 'zod';
import type { CommandResult, DeskCore } from '../desk/desk-types.js';
import { ConflictError, validationError } from '../errors.js';
import { raisePriority } from '../priority.js';
import { STATUSES } from '../public/vocabulary.js';
import { PRIORITIES } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';

/** The record kind holding how many steps a ticket was raised. */
export const ESCALATION_KIND = 'priority.age-escalation';

const HOUR = 3_600_000;

/** When tickets go up a step. */
export const ageEscalationPolicySchema = z.object({
  /** Hours between steps, counted from the ticket's creation. */
  afterHours: z
    .number()
    .positive()
    .max(24 * 365),
  /** Only tickets nobody is assigned to. @default true */
  unassignedOnly: z.boolean().default(true),
  /** Statuses that count as waiting. @default ['new', 'open'] */
  statuses: z.array(z.enum(STATUSES)).min(1).default(['new', 'open']),
  /** The highest priority age alone can reach. @default 'high' */
  ceiling: z.enum(PRIORITIES).default('high'),
  /**
   * Only tickets created after this instant, so turning escalation on
   * leaves an old backlog alone. @default every ticket
   */
  createdAfter: z.iso.datetime({ offset: true }).optional(),
});

export type AgeEscalationPolicy = z.input<typeof ageEscalationPolicySchema>;

/** The steps a ticket is due at `now`: one per full `afterHours`. */
function dueSteps(t: Ticket, hours: number, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(t.createdAt)) / (hours * HOUR));
}

async function waitingTickets(core: DeskCore, statuses: Ticket['status'][]) {
  const out: Ticket[] = [];
  let cursor: string | null = null;
  do {
    const page = await core.store.listTickets(core.siteId, {
      status: statuses,
      sort: 'createdAt',
      limit: 500,
      cursor,
    });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Raises one ticket one step if it is due; null when not. */
async function escalateOne(
  core: DeskCore,
  t: Ticket,
  p: z.output<typeof ageEscalationPolicySchema>,
  now: Date,
): Promise<CommandResult | null> {
  if (p.unassignedOnly && t.assigneeId) return null;
  if (p.createdAfter && Date.parse(t.createdAt) <= Date.parse(p.createdAfter)) {
    return null;
  }
  const record = await core.store.getRecord(core.siteId, ESCALATION_KIND, t.id);
  const done = (record?.value as { steps?: number } | undefined)?.steps ?? 0;
  if (dueSteps(t, p.afterHours, now) <= done) return null;
  const next = raisePriority(t.priority ?? 'low', p.ceiling);
  if (next === t.priority) return null;
  const waited = ((now.getTime() - Date.parse(t.createdAt)) / HOUR).toFixed(1);
  const state = p.unassignedOnly ? 'unassigned' : t.status;
  const priorityReason = `${state} for ${waited} h: raised from ${t.priority ?? 'none'} to ${next} (escalation by age, every ${p.afterHours} h)`;
  const result = await core.execute(
    t.id,
    { type: 'update', priority: next, priorityReason },
    { actor: core.system, expectedVersion: t.version },
  );
  const at = now.toISOString();
  await core.store.putRecord({
    siteId: core.siteId,
    kind: ESCALATION_KIND,
    key: t.id,
    value: { steps: done + 1, at },
    expectedVersion: record?.version ?? 0,
    at,
  });
  return result;
}

/**
 * Raises the priority of every waiting ticket that is due: run it next
 * to `desk.tick()` from the same scheduler. A ticket changed meanwhile
 * is left for the next run.
 *
 * @example
 * await escalateByAge(desk, { afterHours: 4 }, new Date());
 */
export async function escalateByAge(
  desk: { core: DeskCore },
  policy: AgeEscalationPolicy,
  now: Date = desk.core.clock.now(),
): Promise<CommandResult[]> {
  const parsed = ageEscalationPolicySchema.safeParse(policy);
  if (!parsed.success)
    throw validationError('escalation policy', parsed.error.issues);
  const results: CommandResult[] = [];
  for (const t of await waitingTickets(desk.core, parsed.data.statuses)) {
    try {
      const r = await escalateOne(desk.core, t, parsed.data, now);
      if (r) results.push(r);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return results;
}
