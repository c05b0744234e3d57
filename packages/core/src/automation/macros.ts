import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, shown, TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type ActionContext,
  type ActionOutcome,
  runActions,
} from './actions.js';
import { checkMacroPlan } from './macro-plan.js';
import type { Macro } from './schema.js';

/** A macro applied: the ticket after it and what each step did. */
export interface MacroResult {
  ticket: Ticket;
  outcomes: ActionOutcome[];
}

async function checkAgent(core: DeskCore, actor: Actor) {
  if (actor.role !== 'agent' && actor.role !== 'supervisor') {
    throw new TicketryError('FORBIDDEN', 'macros are applied by agents');
  }
  const agent = actor.id
    ? await core.store.getAgent(core.siteId, actor.id)
    : null;
  if (!agent?.active) {
    throw new TicketryError(
      'FORBIDDEN',
      `no active agent ${actor.id ?? ''}`.trim(),
    );
  }
}

/**
 * Names the failing step of a macro, keeping the step's code, and lists
 * the steps applied before it (a concurrent change or a check the plan
 * could not see failed it).
 */
function stepFailed(
  macro: Macro,
  step: number,
  error: TicketryError,
  applied: ActionOutcome[],
) {
  const action = macro.actions[step]!;
  const done = applied.filter((o) => o.applied).map((o) => o.type);
  const kept = done.length
    ? `; steps before it stay applied (${done.join(', ')})`
    : '; nothing was applied';
  return new TicketryError(
    error.code,
    `macro ${macro.id}, step ${step + 1} (${action.type}): ${error.message}${kept}`,
    {
      cause: error,
      details: { ...error.details, macroId: macro.id, step, applied },
    },
  );
}

/**
 * Applies a macro's steps in order as the agent: each command meets
 * the lifecycle's checks for the agent's role, exactly as if they sent
 * it. The whole macro is first walked through the lifecycle table
 * (macro-plan.ts): a step the ticket's status would refuse refuses the
 * macro before anything is written. A step can still fail while it
 * runs (a concurrent change, a module's check); that stops the macro,
 * the steps before it stay applied, and the error lists them in
 * `details.applied`.
 */
export async function applyMacro(
  core: DeskCore,
  context: Omit<ActionContext, 'marker' | 'actor' | 'stopOnError'>,
  macro: Macro | undefined,
  macroId: string,
  ticketId: string,
  actor: Actor,
  expectedVersion?: number,
): Promise<MacroResult> {
  if (!macro) {
    throw new TicketryError('NOT_FOUND', `no macro ${shown(macroId)}`, {
      details: { macroId },
    });
  }
  await checkAgent(core, actor);
  const before = await core.load(ticketId);
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw new ConflictError(before.id, expectedVersion, before.version);
  }
  checkMacroPlan(before, macro, actor);
  const ctx: ActionContext = {
    ...context,
    core,
    actor,
    replyAs: actor,
    stopOnError: true,
    marker: { ruleId: macro.id, kind: 'macro', depth: 1 },
  };
  const outcomes: ActionOutcome[] = [];
  for (const [step, action] of macro.actions.entries()) {
    try {
      outcomes.push(...(await runActions(ctx, ticketId, [action])));
    } catch (error) {
      if (!(error instanceof TicketryError)) throw error;
      throw stepFailed(macro, step, error, outcomes);
    }
  }
  return { ticket: await core.load(ticketId), outcomes };
}
