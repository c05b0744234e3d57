import {
  type Desk,
  type ManualClock,
  type Ticket,
  TicketryError,
} from '@ticketry/core';
import { createDirectory } from './directory.ts';
import type { CasePlan, MappingName, Step } from './plan.ts';
import { type Order, steer } from './steer.ts';

/** One refused command, kept as an example of its reason. */
export interface RefusalExample {
  externalId: string;
  /** The log's state or activity that led to the command. */
  source: string;
  at: string;
  message: string;
}

/** Refusals of one reason: how many, and the first few. */
export interface RefusalGroup {
  count: number;
  examples: RefusalExample[];
}

/** What driving the plans through the desk did, besides its events. */
export interface DriveResult {
  /** Every ticket the replay made, follow-ups included, in order. */
  ticketIds: string[];
  /** Cases whose submit the store had already seen (same key). */
  alreadyImported: number;
  /** Tickets the desk opened as follow-ups of a reply to a closed one. */
  followUps: number;
  commands: { sent: number; accepted: number; refused: number };
  /** By `CODE: command in status`, e.g. `TRANSITION_NOT_ALLOWED: start in open`. */
  refusals: Record<string, RefusalGroup>;
}

/** Options of {@link drivePlans}. */
export interface DriveOptions {
  mapping: MappingName;
  clock: ManualClock;
  /** @default 3 */
  examplesPerReason?: number;
  onCase?(done: number, total: number): void;
}

const isRefusal = (error: unknown): error is TicketryError =>
  error instanceof TicketryError && error.code !== 'STORAGE_FAILED';

/**
 * Sends each plan through the desk: a submit, then the commands each
 * step steers to, every one at its step's instant on the manual clock.
 * A command the desk refuses is counted by reason and ends that step;
 * the case goes on with its next step. Storage failures still throw.
 */
export async function drivePlans(
  desk: Desk,
  plans: readonly CasePlan[],
  options: DriveOptions,
): Promise<DriveResult> {
  const { clock } = options;
  const keep = options.examplesPerReason ?? 3;
  const directory = createDirectory(desk);
  await directory.ensureImporter();
  const result: DriveResult = {
    ticketIds: [],
    alreadyImported: 0,
    followUps: 0,
    commands: { sent: 0, accepted: 0, refused: 0 },
    refusals: {},
  };

  const refuse = (
    error: TicketryError,
    type: string,
    status: string,
    plan: CasePlan,
    source: string,
  ) => {
    result.commands.refused++;
    const reason = `${error.code}: ${type} in ${status}`;
    const group = result.refusals[reason] ?? { count: 0, examples: [] };
    result.refusals[reason] = group;
    group.count++;
    const seen = group.examples.some((e) => e.externalId === plan.externalId);
    if (group.examples.length < keep && !seen) {
      group.examples.push({
        externalId: plan.externalId,
        source,
        at: clock.now().toISOString(),
        message: error.message,
      });
    }
  };

  const send = async (ticket: Ticket, order: Order) => {
    result.commands.sent++;
    const { ticket: after } = await desk.execute(ticket.id, order.command, {
      actor: order.actor,
    });
    result.commands.accepted++;
    if (after.id !== ticket.id) {
      result.followUps++;
      result.ticketIds.push(after.id);
    }
    return after;
  };

  const runStep = async (ticket: Ticket, step: Step, plan: CasePlan) => {
    clock.set(step.at);
    const steering = steer(ticket, step.intent, directory);
    let next = await steering.next();
    while (!next.done) {
      try {
        ticket = await send(ticket, next.value);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refuse(
          error,
          next.value.command.type,
          ticket.status,
          plan,
          step.source,
        );
        await steering.return();
        break;
      }
      next = await steering.next(ticket);
    }
    return ticket;
  };

  const runCase = async (plan: CasePlan) => {
    clock.set(plan.submit.at);
    let ticket: Ticket;
    try {
      const submitted = await desk.submit(plan.submit.input, {
        idempotencyKey: `replay:${options.mapping}:${plan.externalId}`,
      });
      if (submitted.replayed) {
        // Imported by an earlier run: report on it, send nothing more.
        result.alreadyImported++;
        result.ticketIds.push(submitted.ticket.id);
        return;
      }
      ticket = submitted.ticket;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      result.commands.sent++;
      refuse(error, 'submit', 'draft', plan, 'first row');
      return;
    }

    result.commands.sent++;
    result.commands.accepted++;
    result.ticketIds.push(ticket.id);
    for (const step of plan.steps) ticket = await runStep(ticket, step, plan);
  };

  for (const [index, plan] of plans.entries()) {
    await runCase(plan);
    options.onCase?.(index + 1, plans.length);
  }
  return result;
}
