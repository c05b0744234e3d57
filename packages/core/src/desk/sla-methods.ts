import type { Clock } from '../clock.js';
import { ConflictError, TicketryError } from '../errors.js';
import type { Actor } from '../schemas/common.js';
import {
  type AuditEvent,
  type EventType,
  SLA_EVENT_TYPES,
} from '../schemas/event.js';
import type { Ticket, TicketChanges } from '../schemas/ticket.js';
import type { SlaTrigger } from '../sla/clocks.js';
import { explainSla, type SlaExplanation } from '../sla/explain.js';
import { slaEventOutcome } from '../sla/machine-events.js';
import {
  createSlaRegistry,
  type SlaConfigInput,
  type SlaRegistry,
} from '../sla/registry.js';
import type { TicketStore } from '../store/types.js';
import { checkActor, stateOf } from './guards.js';
import type { SlaHooks } from './sla-timers.js';

/** Which policy a ticket moves to with `desk.migrateSla`. */
export interface SlaMigration {
  policyId: string;
  /** @default the policy's current version */
  version?: number;
}

const isRegistry = (x: unknown): x is SlaRegistry =>
  typeof (x as SlaRegistry).calendarFor === 'function';

/**
 * The desk's SLA registry from its options, or null without SLAs.
 * Misuse throws at once: a policy that runs an automation the desk was
 * not given.
 */
export function registryOf(options: {
  sla?: SlaConfigInput | SlaRegistry;
  slaHooks?: SlaHooks;
}): SlaRegistry | null {
  if (!options.sla) return null;
  const registry = isRegistry(options.sla)
    ? options.sla
    : createSlaRegistry(options.sla);
  const automations = options.slaHooks?.automations ?? {};
  for (const policy of registry.current) {
    for (const e of policy.escalations) {
      for (const a of e.actions) {
        if (a.type === 'automation' && !automations[a.name]) {
          throw new TypeError(
            `createDesk: policy ${policy.id} runs automation "${a.name}"; pass it in slaHooks.automations`,
          );
        }
      }
    }
  }
  return registry;
}

interface SlaMethodDeps {
  store: TicketStore;
  clock: Clock;
  registry: SlaRegistry | null;
  load(ticketId: string): Promise<Ticket>;
  settle(
    t: Ticket,
    base: TicketChanges,
    trigger: SlaTrigger,
    at: string,
  ): TicketChanges;
  record(
    t: Ticket,
    type: EventType,
    changes: TicketChanges,
    data: Record<string, unknown> | null,
    at: string,
    actor: Actor,
  ): Promise<{ ticket: Ticket; event: AuditEvent }>;
}

/** The desk's SLA methods: a deliberate migration and `explain`. */
export function createSlaMethods(deps: SlaMethodDeps) {
  const { store, clock, registry, load } = deps;

  /**
   * Moves a ticket to another policy, or another version of its own,
   * on purpose: a supervisor or the system, while its clocks run. The
   * time counted so far is kept; deadlines follow the new targets.
   */
  async function migrateSla(
    ticketId: string,
    to: SlaMigration,
    ctx: { actor: Actor; expectedVersion?: number },
  ) {
    if (!registry) {
      throw new TicketryError(
        'TRANSITION_NOT_ALLOWED',
        'this desk has no SLA policies',
      );
    }
    const policy = registry.policy(to.policyId, to.version);
    const ticket = await load(ticketId);
    const version = ctx.expectedVersion ?? ticket.version;
    if (version !== ticket.version) {
      throw new ConflictError(ticket.id, version, ticket.version);
    }
    const role = ctx.actor.role;
    const outcome = slaEventOutcome(stateOf(ticket), 'sla_migrate', role);
    if (!outcome.ok) {
      throw new TicketryError(
        outcome.code,
        `a ${role} may not migrate the SLA of a ticket that is ${ticket.status}`,
      );
    }
    await checkActor(store, ticket, ctx.actor);
    const at = clock.now().toISOString();
    const from = ticket.sla
      ? { policyId: ticket.sla.policyId, version: ticket.sla.policyVersion }
      : null;
    const target = { policyId: policy.id, version: policy.version };
    const changes = deps.settle(ticket, {}, { kind: 'migrate', ...target }, at);
    return deps.record(
      ticket,
      SLA_EVENT_TYPES.sla_migrate,
      changes,
      { from, to: target },
      at,
      ctx.actor,
    );
  }

  /**
   * `explain(ticket)`: the timeline behind each deadline at an instant
   * (now by default), or null without SLAs.
   */
  async function explain(
    ticketOrId: string | Ticket,
    at: Date = clock.now(),
  ): Promise<SlaExplanation | null> {
    if (!registry) return null;
    const ticket =
      typeof ticketOrId === 'string' ? await load(ticketOrId) : ticketOrId;
    return explainSla(registry, ticket, at);
  }

  return { migrateSla, explain };
}
