import type { Actor, CommandInput, Ticket } from '@ticketry/core';
import { type Directory, IMPORTER } from './directory.ts';
import type { Intent } from './plan.ts';

/** One command to send, and who sends it. */
export interface Order {
  command: CommandInput;
  actor: Actor;
}

/**
 * The commands an intent needs, sent one at a time: the driver answers
 * each `yield` with the ticket after the command, and stops early when
 * the desk refuses one (later commands would only fail after it).
 */
export type Steering = AsyncGenerator<Order, void, Ticket>;

const SYSTEM: Actor = { role: 'system', id: null };

/** The assignee acts for staff commands; the importer when none. */
const staff = (t: Ticket): Actor =>
  t.assigneeId
    ? { role: 'agent', id: t.assigneeId }
    : { role: IMPORTER.role, id: IMPORTER.id };

const REOPEN_NOTE = 'Reopened in the source log';

/**
 * Reopens a finished ticket. While it is `resolved` the importer
 * (`system`) rejects the resolution: the log does not say who reopened,
 * and the requester's reopen window is a rule for live requesters, not
 * for history that already happened. Once it is `closed` only a
 * requester's reply reopens it (under the desk's `reopen` policy; under
 * `new_ticket` the desk opens a follow-up instead).
 */
async function* reopen(t: Ticket): AsyncGenerator<Order, Ticket, Ticket> {
  const requester: Actor = { role: 'requester', id: t.requesterId };
  if (t.status === 'resolved') {
    return yield {
      command: { type: 'reject', reason: REOPEN_NOTE },
      actor: SYSTEM,
    };
  }
  if (t.status === 'closed') {
    return yield {
      command: { type: 'reply', body: REOPEN_NOTE },
      actor: requester,
    };
  }
  return t;
}

const finished = (t: Ticket) =>
  t.status === 'resolved' || t.status === 'closed';

/** Brings an assigned ticket back to the working state it had. */
async function* restore(before: Ticket, t: Ticket): Steering {
  const was = before.status;
  if (was !== 'in_progress' && was !== 'pending' && !finished(before)) return;
  t = yield { command: { type: 'start' }, actor: staff(t) };
  if (was === 'pending' && before.pendingReason) {
    yield {
      command: { type: 'pend', reason: before.pendingReason },
      actor: staff(t),
    };
  }
}

async function* assign(
  t: Ticket,
  intent: Extract<Intent, { kind: 'assign' }>,
  directory: Directory,
): Steering {
  const { agent } = intent;
  const keepTeam =
    agent.teamRecorded === false &&
    (await directory.isMember(agent.id, t.teamId));
  const teamId = keepTeam ? t.teamId! : agent.team.id;
  if (t.assigneeId === agent.id && t.teamId === teamId) return;
  if (!keepTeam) await directory.ensureMember(agent, agent.team);

  const before = t;
  if (finished(t)) t = yield* reopen(t);
  t = yield {
    command: { type: 'assign', assigneeId: agent.id, teamId },
    actor: SYSTEM,
  };
  yield* restore(before, t);
}

/**
 * Steers a ticket toward what an intent asks, given its status now.
 *
 * @example
 * const steps = steer(ticket, { kind: 'work' }, directory);
 * let next = await steps.next();
 * while (!next.done) next = await steps.next(await send(next.value));
 */
export async function* steer(
  t: Ticket,
  intent: Intent,
  directory: Directory,
): Steering {
  switch (intent.kind) {
    case 'triage': {
      if (intent.team) await directory.ensureTeam(intent.team);
      const { kind: _, team, ...levels } = intent;
      yield {
        command: {
          type: 'triage',
          ...levels,
          ...(team && { teamId: team.id }),
        },
        actor: SYSTEM,
      };
      return;
    }
    case 'assign':
      return yield* assign(t, intent, directory);
    case 'work': {
      if (finished(t)) {
        yield* reopen(t);
        return;
      }
      if (t.status === 'pending') {
        yield { command: { type: 'resume' }, actor: staff(t) };
      } else if (t.status !== 'in_progress') {
        yield { command: { type: 'start' }, actor: staff(t) };
      }
      return;
    }
    case 'pend': {
      if (finished(t)) t = yield* reopen(t);
      if (t.status === 'assigned') {
        t = yield { command: { type: 'start' }, actor: staff(t) };
      }
      yield {
        command: { type: 'pend', reason: intent.reason, note: intent.note },
        actor: staff(t),
      };
      return;
    }
    case 'resolve':
      yield {
        command: { type: 'resolve', code: intent.code, note: intent.note },
        actor: staff(t),
      };
      return;
    case 'close':
      yield { command: { type: 'close' }, actor: SYSTEM };
      return;
    case 'note':
      yield { command: { type: 'note', body: intent.body }, actor: SYSTEM };
      return;
  }
}
