import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, shown, TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import {
  type ActionContext,
  type ActionOutcome,
  runActions,
} from './actions.js';
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

/** Names the failing step of a macro, keeping the step's code. */
function stepFailed(macro: Macro, step: number, error: TicketryError) {
  const action = macro.actions[step]!;
  return new TicketryError(
    error.code,
    `macro ${macro.id}, step ${step + 1} (${action.type}): ${error.message}`,
    { cause: error, details: { ...error.details, macroId: macro.id, step } },
  );
}

/**
 * Applies a macro's steps in order as the agent: each command meets
 * the lifecycle's checks for the agent's role, exactly as if they sent
 * it. The first refused step stops the macro and throws; the steps
 * before it stay applied.
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
      throw stepFailed(macro, step, error);
    }
  }
  return { ticket: await core.load(ticketId), outcomes };
}
