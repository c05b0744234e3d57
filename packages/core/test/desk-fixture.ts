import {
  type Actor,
  type CommandInput,
  createDesk,
  createManualClock,
  createMemoryStore,
  type DeskOptions,
  type MachineState,
  type PendingReason,
  type Role,
  type Ticket,
} from '../src/index.js';

/** A desk on a memory store with one team, an agent and a supervisor. */
export async function staffedDesk(options: Partial<DeskOptions> = {}) {
  const clock = createManualClock('2024-03-04T09:00:00Z');
  const desk = createDesk({ store: createMemoryStore(), clock, ...options });
  await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
  await desk.createAgent({
    id: 'ada',
    name: 'Ada',
    role: 'agent',
    teamIds: ['service-desk'],
  });
  await desk.createAgent({
    id: 'sam',
    name: 'Sam',
    role: 'supervisor',
    teamIds: ['service-desk'],
  });
  const staff: Record<Exclude<Role, 'requester'>, Actor> = {
    agent: { role: 'agent', id: 'ada' },
    supervisor: { role: 'supervisor', id: 'sam' },
    system: { role: 'system', id: null },
  };
  const actorFor = (role: Role, ticket?: Ticket): Actor =>
    role === 'requester'
      ? { role, id: ticket?.requesterId ?? null }
      : staff[role];
  return { desk, clock, staff, actorFor };
}

export type StaffedDesk = Awaited<ReturnType<typeof staffedDesk>>;

/** A valid payload for each command, for a given ticket. */
export function payloadFor(
  type: CommandInput['type'],
  extra: { intoId?: string; reason?: PendingReason } = {},
): CommandInput {
  const payloads: Record<string, CommandInput> = {
    triage: {
      type: 'triage',
      impact: 'medium',
      urgency: 'low',
      teamId: 'service-desk',
    },
    update: { type: 'update', subject: 'Updated subject' },
    assign: { type: 'assign', assigneeId: 'ada', teamId: 'service-desk' },
    pend: { type: 'pend', reason: extra.reason ?? 'vendor' },
    reply: { type: 'reply', body: 'A public reply' },
    note: { type: 'note', body: 'An internal note' },
    resolve: { type: 'resolve', code: 'fixed', note: 'Replaced the cable' },
    rate: { type: 'rate', rating: 4, comment: 'quick' },
    cancel: { type: 'cancel', reason: 'withdrawn' },
    merge: { type: 'merge', intoId: extra.intoId ?? 'missing' },
  };
  return payloads[type] ?? ({ type } as CommandInput);
}

const PATHS: Record<string, CommandInput['type'][]> = {
  new: [],
  open: ['triage'],
  assigned: ['triage', 'assign'],
  in_progress: ['triage', 'assign', 'start'],
  resolved: ['triage', 'assign', 'start', 'resolve'],
  closed: ['triage', 'assign', 'start', 'resolve', 'close'],
  cancelled: ['cancel'],
  merged: ['merge'],
};

/** Submits a ticket and drives it into a machine state with staff commands. */
export async function ticketIn(
  env: StaffedDesk,
  state: Exclude<MachineState, 'draft'>,
): Promise<Ticket> {
  const { desk, staff } = env;
  let { ticket } = await desk.submit({
    subject: `Ticket heading to ${state}`,
    description: 'Made by the test fixture.',
    requester: { email: 'requester@example.com' },
  });
  const [status, reason] = state.split('.') as [string, PendingReason?];
  // Only the system sends an open ticket to wait for approval.
  const approval = reason === 'approval';
  const steps = reason
    ? [...PATHS[approval ? 'open' : 'in_progress']!, 'pend' as const]
    : PATHS[status]!;
  const system = { role: 'system', id: null } as const;
  for (const type of steps) {
    const intoId =
      type === 'merge' ? (await ticketIn(env, 'new')).id : undefined;
    ({ ticket } = await desk.execute(
      ticket.id,
      payloadFor(type, {
        ...(intoId && { intoId }),
        ...(reason && { reason }),
      }),
      { actor: approval && type === 'pend' ? system : staff.supervisor },
    ));
  }
  return ticket;
}
