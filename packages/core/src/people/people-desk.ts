import type { DeskCore } from '../desk/desk-types.js';
import { TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import type { Agent } from '../schemas/people.js';

/** What the people modules need of a desk: its core. */
export interface PeopleDesk {
  core: DeskCore;
}

/**
 * Refuses anyone but the system and active agents (supervisors when
 * `supervisor` is set) with FORBIDDEN; answers the agent record.
 */
export async function checkStaff(
  desk: PeopleDesk,
  actor: Actor,
  what: string,
  supervisor = false,
): Promise<Agent | null> {
  if (actor.role === 'system') return null;
  const { store, siteId } = desk.core;
  const agent =
    actor.role !== 'requester' && actor.id
      ? await store.getAgent(siteId, actor.id)
      : null;
  const roleOk =
    agent?.role === 'supervisor' ||
    (!supervisor && agent?.role === 'agent' && actor.role === 'agent');
  if (!agent?.active || !roleOk) {
    const who = supervisor ? 'a supervisor' : 'an agent';
    throw new TicketryError('FORBIDDEN', `only ${who} may ${what}`, {
      details: { role: actor.role },
    });
  }
  return agent;
}
