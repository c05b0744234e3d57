import type { DeskCore } from '../desk/desk-types.js';
import { stateOf } from '../desk/guards.js';
import { retryOnConflict } from '../desk/retry.js';
import { TicketryError } from '../errors.js';
import type { CommandInput } from '../schemas/commands.js';
import { type Actor, PRIORITIES, type Priority } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { allowedFrom } from './macro-plan.js';
import type { AutomationAction, MacroAction } from './schema.js';
import { fillTemplate } from './template.js';

/** What marks an automation's events: `event.data.automation`. */
export interface AutomationMarker {
  ruleId: string;
  kind: 'trigger' | 'schedule' | 'macro';
  /** How many automatic steps led here (1 for a rule a person set off). */
  depth: number;
}

/** What a `notify` action hands to the notifier. */
export interface Notice {
  ruleId: string;
  /** The recipients the rule names (team ids, addresses, channels). */
  to: string[];
  /** The filled template, plain text. */
  message: string;
  ticket: Ticket;
  event: AuditEvent | null;
}

/** Delivers `notify` actions (mail, chat…); its errors fail the action. */
export type Notifier = (notice: Notice) => void | Promise<void>;

/** How one action ended. */
export interface ActionOutcome {
  type: string;
  applied: boolean;
  /** Why it was not applied, or what it did. */
  detail?: string;
  eventId?: string;
}

/** What a run of actions works with. */
export interface ActionContext {
  core: DeskCore;
  marker: AutomationMarker;
  /** Who acts: the system for rules, the agent for macros. */
  actor: Actor;
  event?: AuditEvent;
  /** The agent replies are sent as when an action names none. */
  replyAs?: Actor;
  notify?: Notifier;
  /** Starts a webhook delivery in the background. */
  webhook?: (url: string, ticket: Ticket) => void;
  /** Throw the first failure instead of noting it (macros). */
  stopOnError: boolean;
}

/** A command, or one worked out from the ticket as read just before. */
type Step =
  | {
      input: CommandInput | ((t: Ticket) => CommandInput | null);
      actor?: Actor;
    }
  | { skip: string };

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function triageOf(t: Ticket, a: Extract<AutomationAction, { type: 'set' }>) {
  const wanted = {
    impact: a.impact ?? t.impact,
    urgency: a.urgency ?? t.urgency,
    category: a.category ?? t.category,
    type: a.ticketType ?? t.type,
    teamId: a.teamId ?? t.teamId,
  };
  const moved = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
    (k) => !same(wanted[k], t[k]),
  );
  if (!moved) return null;
  if (!wanted.impact || !wanted.urgency) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'setting triage fields needs impact and urgency on the ticket or the action',
    );
  }
  return {
    type: 'triage',
    impact: wanted.impact,
    urgency: wanted.urgency,
    ...(a.category && { category: a.category }),
    ...(a.ticketType && { ticketType: a.ticketType }),
    ...(a.teamId && { teamId: a.teamId }),
  } satisfies CommandInput;
}

function updateOf(
  t: Ticket,
  a: Extract<AutomationAction, { type: 'set' }>,
  reason: string,
): CommandInput | null {
  const tags = [...new Set([...(a.tags ?? t.tags), ...(a.addTags ?? [])])];
  const fields = Object.fromEntries(
    Object.entries(a.fields ?? {}).filter(([k, v]) => t.fields[k] !== v),
  );
  const update = {
    ...(!same(tags, t.tags) && { tags }),
    ...(Object.keys(fields).length > 0 && { fields }),
    ...(a.subject && a.subject !== t.subject && { subject: a.subject }),
    ...(a.priority &&
      a.priority !== t.priority && {
        priority: a.priority,
        priorityReason: a.priorityReason ?? reason,
      }),
  };
  return Object.keys(update).length ? { type: 'update', ...update } : null;
}

function raisedPriority(
  t: Ticket,
  to: Priority | undefined,
  reason: string,
): CommandInput | null {
  const index = PRIORITIES.indexOf(t.priority ?? 'moderate');
  const wanted = to ?? PRIORITIES[Math.max(0, index - 1)]!;
  if (PRIORITIES.indexOf(wanted) >= index) return null;
  return { type: 'update', priority: wanted, priorityReason: reason };
}

/** The commands one action sends, or why it sends none. */
function stepsOf(t: Ticket, a: MacroAction, ctx: ActionContext): Step[] {
  const reason = `automation rule ${ctx.marker.ruleId}`;
  switch (a.type) {
    case 'set': {
      const triage = triageOf(t, a);
      if (!triage && !updateOf(t, a, reason)) return [{ skip: 'no change' }];
      // The update is worked out after the triage, which resets priority.
      const update = (fresh: Ticket) => updateOf(fresh, a, reason);
      return [...(triage ? [{ input: triage }] : []), { input: update }];
    }
    case 'raise_priority': {
      const input = raisedPriority(t, a.to, reason);
      return [input ? { input } : { skip: 'already at or above' }];
    }
    case 'assign':
      return t.assigneeId === a.assigneeId &&
        (!a.teamId || a.teamId === t.teamId)
        ? [{ skip: 'already assigned' }]
        : [{ input: a }];
    case 'reply':
      return [replyStep(t, a, ctx)];
    case 'note': {
      const body = fillTemplate(a.template, t);
      return [body ? { input: { type: 'note', body } } : { skip: 'empty' }];
    }
    case 'command': {
      const input = a.command as CommandInput;
      const reason = input.type === 'pend' ? input.reason : undefined;
      const allowed = allowedFrom(stateOf(t), input.type, ctx.actor, reason);
      if (a.ifAllowed && !allowed) {
        return [{ skip: `${input.type} not allowed while ${t.status}` }];
      }
      return [{ input }];
    }
    default:
      return [];
  }
}

function replyStep(
  t: Ticket,
  a: Extract<AutomationAction, { type: 'reply' }>,
  ctx: ActionContext,
): Step {
  // A person's macro replies as that person, whatever `as` names.
  const actor: Actor | undefined =
    ctx.actor.role !== 'system'
      ? ctx.actor
      : a.as
        ? { role: 'agent', id: a.as }
        : ctx.replyAs;
  if (!actor) return { skip: 'a reply needs an agent to send it as (as)' };
  const body = fillTemplate(a.template, t);
  return body ? { input: { type: 'reply', body }, actor } : { skip: 'empty' };
}

async function send(ctx: ActionContext, ticketId: string, step: Step) {
  if ('skip' in step) return null;
  // Someone wrote between the read and the write (a router, triage,
  // mail intake): read again and rebuild the input, with backoff.
  return retryOnConflict(ctx.core, ticketId, (t) => {
    const input = typeof step.input === 'function' ? step.input(t) : step.input;
    if (!input) return null;
    return ctx.core.execute(ticketId, input, {
      actor: step.actor ?? ctx.actor,
      expectedVersion: t.version,
      data: { automation: { ...ctx.marker } },
    });
  });
}

async function sideEffect(
  a: MacroAction,
  t: Ticket,
  ctx: ActionContext,
): Promise<ActionOutcome> {
  if (a.type === 'notify') {
    if (!ctx.notify)
      return { type: a.type, applied: false, detail: 'no notifier' };
    const message = fillTemplate(a.template, t);
    try {
      await ctx.notify({
        ruleId: ctx.marker.ruleId,
        to: a.to,
        message,
        ticket: t,
        event: ctx.event ?? null,
      });
    } catch (cause) {
      throw new TicketryError('INTERNAL_ERROR', 'the notifier failed', {
        cause,
      });
    }
    return { type: a.type, applied: true };
  }
  if (a.type === 'webhook') {
    if (!ctx.webhook) {
      return { type: a.type, applied: false, detail: 'no webhook sender' };
    }
    ctx.webhook(a.url, t);
    return { type: a.type, applied: true, detail: 'queued' };
  }
  throw new TypeError(`not a side effect: ${a.type}`);
}

async function runOne(
  a: MacroAction,
  ticketId: string,
  ctx: ActionContext,
): Promise<ActionOutcome> {
  const t = await ctx.core.load(ticketId);
  if (a.type === 'notify' || a.type === 'webhook') {
    return sideEffect(a, t, ctx);
  }
  const steps = stepsOf(t, a, ctx);
  let eventId: string | undefined;
  for (const step of steps) {
    if ('skip' in step)
      return { type: a.type, applied: false, detail: step.skip };
    eventId = (await send(ctx, ticketId, step))?.event.id ?? eventId;
  }
  return { type: a.type, applied: true, ...(eventId && { eventId }) };
}

/**
 * Runs actions in order against the latest ticket, each command with
 * the automation's marker in its event. A refused action (the status
 * or role forbids it, an ineligible assignee) is noted and the rest
 * still run, unless `stopOnError`.
 */
export async function runActions(
  ctx: ActionContext,
  ticketId: string,
  actions: readonly MacroAction[],
): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  for (const action of actions) {
    try {
      outcomes.push(await runOne(action, ticketId, ctx));
    } catch (error) {
      if (ctx.stopOnError || !(error instanceof TicketryError)) throw error;
      const detail = `${error.code}: ${error.message}`;
      outcomes.push({ type: action.type, applied: false, detail });
    }
  }
  return outcomes;
}
