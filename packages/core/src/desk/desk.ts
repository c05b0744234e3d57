import { chainEvent } from '../audit/chain.js';
import {
  eraseRequester,
  exportRequester,
  type RequesterErasure,
  type RequesterExport,
} from '../audit/requester-data.js';
import { systemClock } from '../clock.js';
import {
  ConflictError,
  shown,
  TicketryError,
  validationError,
} from '../errors.js';
import { createId } from '../ids.js';
import { DEFAULT_PRIORITY_MATRIX } from '../priority.js';
import type { PublicTicket } from '../public/ticket-view.js';
import {
  type Command,
  type CommandInput,
  commandSchema,
  type SubmitInput,
} from '../schemas/commands.js';
import type { Actor } from '../schemas/common.js';
import {
  type AuditEvent,
  EVENT_TYPES,
  type EventType,
} from '../schemas/event.js';
import type { Agent, AgentInput, Team, TeamInput } from '../schemas/people.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';
import type { SlaTrigger } from '../sla/clocks.js';
import { settleSla } from '../sla/settle.js';
import type { TicketPage, TicketQuery } from '../store/types.js';
import { createAccessMethods } from './access.js';
import {
  applyChanges,
  type ChangeSettings,
  changesFor,
  keepChanged,
} from './changes.js';
import { checkCommand, eventData } from './command-support.js';
import type {
  CommandCheck,
  CommandContext,
  CommandResult,
  DeskCore,
  DeskListener,
  DeskOptions,
} from './desk-types.js';
import { checkActor, stateOf, targetOf } from './guards.js';
import { saveAgent, saveTeam } from './people.js';
import { toPublicTicket } from './public-view.js';
import { createSlaMethods, registryOf } from './sla-methods.js';
import { createTimerRunner } from './sla-timers.js';
import {
  type SubmitOptions,
  type SubmitResult,
  submitTicket,
} from './submit.js';

export type * from './desk-types.js';

const DAY = 86_400_000;

type Payload<T extends Command['type']> = Omit<
  Extract<CommandInput, { type: T }>,
  'type'
>;

/**
 * A help desk over a store: every change goes through the lifecycle
 * machine, is written with one audit event against the version read,
 * and reaches subscribers.
 *
 * @example
 * const desk = createDesk({ store: createMemoryStore() });
 * const { ticket } = await desk.submit({
 *   subject: 'Printer jams',
 *   description: 'Tray 2 jams on every job.',
 *   requester: { email: 'ada@example.com' },
 * });
 */
export function createDesk(options: DeskOptions) {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const siteId = options.siteId ?? 'default';
  const refPrefix = options.refPrefix ?? 'T-';
  const closedReplyPolicy = options.closedReplyPolicy ?? 'new_ticket';
  const settings: ChangeSettings = {
    matrix: options.priorityMatrix ?? DEFAULT_PRIORITY_MATRIX,
    reopenWindowMs: options.reopenWindowMs ?? 7 * DAY,
    autoCloseAfterMs: options.autoCloseAfterMs ?? 5 * DAY,
  };
  const listeners = new Set<DeskListener>();
  const checks = new Set<CommandCheck>();
  const registry = registryOf(options);
  const system = { role: 'system', id: null } as const;

  const notify = (event: AuditEvent, ticket: Ticket) => {
    for (const listener of listeners) listener(event, ticket);
  };

  async function load(ticketId: string): Promise<Ticket> {
    const ticket = await store.getTicket(siteId, ticketId);
    if (!ticket) {
      throw new TicketryError('NOT_FOUND', `no ticket ${shown(ticketId)}`, {
        details: { ticketId },
      });
    }
    return ticket;
  }

  async function submit(
    input: SubmitInput,
    opts: SubmitOptions = {},
  ): Promise<SubmitResult> {
    const at = clock.now().toISOString();
    const result = await submitTicket(
      {
        store,
        siteId,
        refPrefix,
        at,
        settle: (t) => settleSla(registry, null, t, { kind: 'submit' }, at),
      },
      input,
      opts,
    );
    if (!result.replayed && !opts.decoy) notify(result.event, result.ticket);
    return result;
  }

  async function replyToClosed(
    t: Ticket,
    reply: Extract<Command, { type: 'reply' }>,
    actor: Actor,
  ) {
    if (closedReplyPolicy === 'reject') {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        `${t.ref} is closed; replies to closed tickets are refused`,
      );
    }
    const requester = await store.getRequester(siteId, t.requesterId);
    const follow = await submit(
      {
        subject: `Re: ${t.subject}`.slice(0, 200),
        description: reply.body,
        requester: { email: requester?.email ?? 'unknown@invalid.invalid' },
        channel: t.channel,
        attachments: reply.attachments,
      },
      { actor, links: [{ type: 'follow_up_of', ticketId: t.id }] },
    );
    return { ticket: follow.ticket, event: follow.event };
  }

  async function execute(
    ticketId: string,
    input: CommandInput,
    ctx: CommandContext,
  ): Promise<CommandResult> {
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success) throw validationError('command', parsed.error.issues);
    const command = parsed.data;
    const ticket = await load(ticketId);
    const { actor, expectedVersion } = ctx;
    const version = expectedVersion ?? ticket.version;
    if (version !== ticket.version) {
      throw new ConflictError(ticket.id, version, ticket.version);
    }
    const at = clock.now().toISOString();
    const reason = command.type === 'pend' ? command.reason : undefined;
    const target = targetOf(stateOf(ticket), command.type, actor, reason);
    await checkActor(store, ticket, actor);
    const deps = { store, siteId, load, checks };
    await checkCommand(deps, ticket, command, actor, at);
    if (
      command.type === 'reply' &&
      ticket.status === 'closed' &&
      closedReplyPolicy !== 'reopen'
    ) {
      return replyToClosed(ticket, command, actor);
    }
    const changes = settle(
      ticket,
      changesFor(ticket, command, target, at, actor, settings),
      { kind: 'command', type: command.type, role: actor.role },
      at,
    );
    return record(
      ticket,
      EVENT_TYPES[command.type],
      changes,
      ctx.data ? { ...ctx.data, ...eventData(command) } : eventData(command),
      at,
      actor,
    );
  }

  /**
   * Adds what follows from a change: the SLA state and `dueAt` (the
   * earliest timer or auto-close), each only when it moved.
   */
  function settle(
    t: Ticket,
    base: TicketChanges,
    trigger: SlaTrigger,
    at: string,
  ): TicketChanges {
    const draft = { ...t, ...base } as Ticket;
    return {
      ...base,
      ...keepChanged(t, settleSla(registry, t, draft, trigger, at)),
    };
  }

  /** Writes a change and its one event against the version read. */
  async function record(
    t: Ticket,
    type: EventType,
    changes: TicketChanges,
    data: Record<string, unknown> | null,
    at: string,
    actor: Actor = system,
  ): Promise<CommandResult> {
    const chained = await chainEvent(
      {
        id: createId(),
        siteId,
        ticketId: t.id,
        version: t.version + 1,
        at,
        actor,
        type,
        changes,
        data,
      },
      t.auditHash,
    );
    const next = {
      ...applyChanges(t, changes, t.version + 1, at),
      auditHash: chained.hash,
    };
    const event = await store.commit({
      ticket: next,
      expectedVersion: t.version,
      event: chained,
    });
    notify(event, next);
    return { ticket: next, event };
  }

  const run =
    <T extends Command['type']>(type: T) =>
    (ticketId: string, payload: Payload<T>, ctx: CommandContext) =>
      execute(ticketId, { ...payload, type } as CommandInput, ctx);

  const timers = createTimerRunner({
    store,
    siteId,
    registry,
    hooks: options.slaHooks ?? {},
    record: (t, type, changes, data, at) => record(t, type, changes, data, at),
    autoClose: (t) =>
      execute(
        t.id,
        { type: 'close' },
        { actor: system, expectedVersion: t.version },
      ),
  });

  /**
   * Fires what is due at `now` (SLA warnings, breaches, escalation
   * levels, reminders, auto-closes): one event each, exactly once.
   */
  const tick = (now: Date = clock.now()): Promise<CommandResult[]> =>
    timers.tick(now);

  /** What extension modules (routing, relations, people…) build on. */
  const core: DeskCore = {
    store,
    siteId,
    clock,
    system,
    load,
    submit,
    execute,
    record,
    settle,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addCheck: (check) => {
      checks.add(check);
      return () => checks.delete(check);
    },
  };

  const slaMethods = createSlaMethods({
    store,
    clock,
    registry,
    load,
    settle,
    record,
  });

  return {
    siteId,
    store,
    clock,
    /** What a requester's reply to a closed ticket does. */
    closedReplyPolicy,
    submit,
    execute,
    triage: run('triage'),
    update: run('update'),
    assign: run('assign'),
    start: run('start'),
    pend: run('pend'),
    resume: run('resume'),
    reply: run('reply'),
    note: run('note'),
    resolve: run('resolve'),
    accept: run('accept'),
    reject: run('reject'),
    rate: run('rate'),
    close: run('close'),
    cancel: run('cancel'),
    merge: run('merge'),
    unassign: run('unassign'),
    tick,
    ...slaMethods,
    /** The SLA calendars and policies of this desk, or null. */
    sla: registry,

    get: (id: string) => store.getTicket(siteId, id),
    getByRef: (ref: string) => store.getTicketByRef(siteId, ref),
    list: (query: TicketQuery = {}): Promise<TicketPage> =>
      store.listTickets(siteId, query),
    events: (ticketId: string) => store.listEvents(siteId, ticketId),
    async publicView(ticketId: string): Promise<PublicTicket> {
      const ticket = await load(ticketId);
      return toPublicTicket(ticket, await store.listEvents(siteId, ticketId));
    },
    subscribe: core.subscribe,
    /** The desk's internals, for extension modules; not for apps. */
    core,

    createTeam: (input: TeamInput): Promise<Team> =>
      saveTeam(store, siteId, input),
    createAgent: (input: AgentInput): Promise<Agent> =>
      saveAgent(store, siteId, input),
    getAgent: (id: string) => store.getAgent(siteId, id),
    listAgents: () => store.listAgents(siteId),
    listTeams: () => store.listTeams(siteId),

    // API keys, passwords, sessions and requester access tokens.
    ...createAccessMethods({
      store,
      siteId,
      clock,
      access: options.access,
      record,
    }),
    /** A requester's record and tickets as JSON (docs/audit.md). */
    exportRequester: (requesterId: string): Promise<RequesterExport> =>
      exportRequester({ store, siteId, clock }, requesterId),
    /**
     * Replaces a requester's email and name with an erased marker;
     * history and audit chains stay intact (docs/audit.md).
     */
    eraseRequester: (requesterId: string): Promise<RequesterErasure> =>
      eraseRequester({ store, siteId, clock }, requesterId),
  };
}

/** A desk made by {@link createDesk}. */
export type Desk = ReturnType<typeof createDesk>;
