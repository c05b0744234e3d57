/**
 * What the core benchmarks run: a desk on the memory store with one
 * team and agent, tickets worked to `in_progress`, a cycle of commands
 * that brings a ticket back to where it started, and the bare
 * compositions the desk is compared with.
 */
import {
  type Actor,
  type CommandInput,
  commandSchema,
  createDesk,
  createMemoryStore,
  type Desk,
  type LifecycleEvent,
  lifecycleMachine,
  lookupTransition,
  type MachineState,
  submitInputSchema,
} from '@ticketry/core';
import { transition } from 'xstate';

export const AGENT: Actor = { role: 'agent', id: 'ada' };

/** One command of the cycle: what is sent and by whom. */
export interface Step {
  input: CommandInput;
  /** Who sends it; the requester is filled in per ticket. */
  role: 'agent' | 'requester';
  /** The machine state the ticket is in before this step. */
  from: MachineState;
}

/**
 * Six commands that leave a ticket in `in_progress` again: pend on a
 * vendor, resume, an internal note, a public reply, resolve, and the
 * requester rejecting the resolution. Every part of the desk runs:
 * guarded transitions, both actor kinds, message data, time stamps and
 * the reopen window.
 */
export const CYCLE: readonly Step[] = [
  {
    input: { type: 'pend', reason: 'vendor' },
    role: 'agent',
    from: 'in_progress',
  },
  { input: { type: 'resume' }, role: 'agent', from: 'pending.vendor' },
  {
    input: { type: 'note', body: 'Checked the gateway logs.' },
    role: 'agent',
    from: 'in_progress',
  },
  {
    input: { type: 'reply', body: 'We are on it.' },
    role: 'agent',
    from: 'in_progress',
  },
  {
    input: {
      type: 'resolve',
      code: 'fixed',
      note: 'Replaced the DHCP lease timer.',
    },
    role: 'agent',
    from: 'in_progress',
  },
  {
    input: { type: 'reject', reason: 'It dropped again.' },
    role: 'requester',
    from: 'resolved',
  },
];

/** A ticket of the working set: its id and its requester. */
export interface Worked {
  id: string;
  requester: Actor;
}

/** A desk on a fresh memory store with team `sd` and agent `ada`. */
export async function createBenchDesk(): Promise<Desk> {
  const desk = createDesk({ store: createMemoryStore() });
  await desk.createTeam({ id: 'sd', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['sd'],
  });
  return desk;
}

/** A submission; `i` varies the subject and picks one of 1,000 requesters. */
export function submission(i: number) {
  return {
    subject: `VPN drops every hour (${i})`,
    description: 'Since Monday the VPN disconnects on the hour.',
    requester: { email: `user${i % 1000}@example.com` },
  };
}

/** Submits a ticket and works it to `in_progress`. */
export async function workTicket(desk: Desk, i: number): Promise<Worked> {
  const { ticket } = await desk.submit(submission(i));
  return startTicket(desk, ticket.id, ticket.requesterId);
}

/** Triages, assigns and starts a submitted ticket. */
export async function startTicket(
  desk: Desk,
  id: string,
  requesterId: string,
): Promise<Worked> {
  const ctx = { actor: AGENT };
  await desk.triage(
    id,
    { impact: 'medium', urgency: 'high', teamId: 'sd' },
    ctx,
  );
  await desk.assign(id, { assigneeId: 'ada' }, ctx);
  await desk.start(id, {}, ctx);
  return { id, requester: { role: 'requester', id: requesterId } };
}

/** Runs the whole cycle once on every ticket; returns the command count. */
export async function runCycles(
  desk: Desk,
  tickets: readonly Worked[],
): Promise<number> {
  for (const t of tickets) {
    for (const step of CYCLE) {
      const actor = step.role === 'agent' ? AGENT : t.requester;
      await desk.execute(t.id, step.input, { actor });
    }
  }
  return tickets.length * CYCLE.length;
}

/** Like {@link runCycles}, timing each command; pushes microseconds. */
export async function timeCycles(
  desk: Desk,
  tickets: readonly Worked[],
  out: number[],
): Promise<void> {
  for (const t of tickets) {
    for (const step of CYCLE) {
      const actor = step.role === 'agent' ? AGENT : t.requester;
      const started = performance.now();
      await desk.execute(t.id, step.input, { actor });
      out.push((performance.now() - started) * 1000);
    }
  }
}

const eventOf = (step: Step): LifecycleEvent =>
  step.input.type === 'pend'
    ? { type: 'pend', role: step.role, reason: step.input.reason }
    : { type: step.input.type, role: step.role };

type Snapshot = ReturnType<typeof lifecycleMachine.resolveState>;

interface BareRecord {
  id: string;
  version: number;
  snapshot: Snapshot;
  state: MachineState;
}

/**
 * The bare composition the desk is held against: parse the command
 * with zod, step the machine, and compare-and-set the record in a Map.
 * `machine: 'xstate'` steps with XState's public `transition()`;
 * `machine: 'table'` reads the table derived from the machine, as the
 * desk does, which makes it the floor no desk can go below.
 */
export function createBareComposition(
  size: number,
  machine: 'xstate' | 'table',
) {
  const records = new Map<string, BareRecord>();
  const start = lifecycleMachine.resolveState({
    value: 'in_progress',
    context: {},
  });
  for (let i = 0; i < size; i++) {
    const id = `t${i}`;
    records.set(id, { id, version: 1, snapshot: start, state: 'in_progress' });
  }
  const ids = [...records.keys()];

  function step(id: string, s: Step) {
    const parsed = commandSchema.safeParse(s.input);
    if (!parsed.success) throw new Error('bare: invalid command');
    const current = records.get(id)!;
    const expected = current.version;
    let next: BareRecord;
    if (machine === 'xstate') {
      const [snapshot] = transition(
        lifecycleMachine,
        current.snapshot,
        eventOf(s),
      );
      next = { ...current, version: expected + 1, snapshot };
    } else {
      const reason = s.input.type === 'pend' ? s.input.reason : undefined;
      const outcome = lookupTransition(
        current.state,
        s.input.type,
        s.role,
        reason,
      );
      if (!outcome.ok) throw new Error(`bare: ${outcome.code}`);
      next = { ...current, version: expected + 1, state: outcome.to };
    }
    if (records.get(id)!.version !== expected) throw new Error('conflict');
    records.set(id, next);
  }

  return {
    /** One cycle on every record; returns the command count. */
    runCycles(): number {
      for (const id of ids) for (const s of CYCLE) step(id, s);
      return ids.length * CYCLE.length;
    },
    /** Like `runCycles`, timing each command in microseconds. */
    timeCycles(out: number[]) {
      for (const id of ids) {
        for (const s of CYCLE) {
          const started = performance.now();
          step(id, s);
          out.push((performance.now() - started) * 1000);
        }
      }
    },
  };
}

/**
 * The bare composition of a submission: parse it with zod and insert
 * a new record in a Map. The desk's submit is held against it.
 */
export function createBareSubmit() {
  const records = new Map<string, unknown>();
  let n = 0;
  return (i: number) => {
    const parsed = submitInputSchema.safeParse(submission(i));
    if (!parsed.success) throw new Error('bare: invalid submission');
    const id = `s${n++}`;
    records.set(id, { id, version: 1, status: 'new', ...parsed.data });
  };
}

/** The cycle's events as the machine takes them, for the references. */
export const CYCLE_EVENTS: readonly LifecycleEvent[] = CYCLE.map(eventOf);
