import type { DeskCore } from '../desk/desk-types.js';
import type { Actor } from '../schemas/common.js';
import type { AuditEvent } from '../schemas/event.js';
import type { ActionContext, ActionOutcome, Notifier } from './actions.js';
import { runActions } from './actions.js';
import { applyMacro, type MacroResult } from './macros.js';
import { checkRiskSource } from './risk-source.js';
import {
  loadRules,
  parseRules,
  RULE_LISTS,
  type RuleList,
  type StoredRules,
  saveRules,
} from './rules-store.js';
import { runSchedule, type ScheduleRun } from './schedules.js';
import type { MacroInput, ScheduleInput, TriggerInput } from './schema.js';
import {
  createTriggerRunner,
  type LoopGuard,
  type SkipReason,
} from './triggers.js';
import {
  createDeliveries,
  type DeliveryLogEntry,
  listDeliveries,
  type WebhookDispatcher,
  webhookUrls,
} from './webhook.js';
import { checkWebhookUrl } from './webhook-url.js';

/** Options of {@link createAutomation}. */
export interface AutomationOptions {
  /** @default none */
  triggers?: TriggerInput[];
  /** @default none */
  schedules?: ScheduleInput[];
  /** @default none */
  macros?: MacroInput[];
  /** Sends `webhook` actions; without it they fail. @default none */
  webhook?: WebhookDispatcher;
  /**
   * Hosts and literal addresses webhook rules may name although they
   * are private or local; checked by `save` when the sender has no
   * `check` of its own (a sender's check uses its own allow-list).
   * @default none
   */
  webhookAllow?: readonly string[];
  /** Delivers `notify` actions; without it they fail. @default none */
  notify?: Notifier;
  /** The agent rules reply as when a reply names none. @default none */
  replyAs?: string;
  /** @default depth 3, 10 firings per ticket and trigger per hour */
  loopGuard?: LoopGuard;
  /** Every rule run with its outcomes, or why a trigger was held back. */
  onRun?(run: RuleRun): void;
  /** Unexpected failures of a trigger run. @default ignored */
  onError?(error: unknown): void;
  /**
   * A ticket's breach risk (0 … 1) for the `risk` condition, e.g.
   * `(id) => predictions.risk(id)?.risk ?? null`. Without it, rules
   * reading `risk` are refused (RISK_SOURCE_MISSING), given here or
   * saved. @default none
   */
  risk?(ticketId: string): number | null;
}

const onErrorOf = (options: AutomationOptions) => options.onError ?? (() => {});

/** One rule run on one ticket. */
export interface RuleRun {
  ruleId: string;
  kind: 'trigger' | 'schedule' | 'macro';
  ticketId: string;
  eventId: string | null;
  outcomes: ActionOutcome[];
  /** Set when a matching trigger was held back by the loop guard. */
  skipped?: SkipReason;
}

/**
 * Triggers, schedules and macros over a desk. Triggers subscribe to the
 * desk's events and act as the system actor; every event they cause
 * carries `data.automation = { ruleId, kind, depth }`.
 *
 * @example
 * const automation = createAutomation(desk, {
 *   triggers: [{
 *     id: 'vpn-to-network',
 *     on: ['ticket.submitted'],
 *     conditions: { all: [{ field: 'text', op: 'contains', value: 'vpn' }] },
 *     actions: [{ type: 'set', impact: 'medium', urgency: 'medium', teamId: 'network' }],
 *   }],
 * });
 */
export function createAutomation(
  desk: { core: DeskCore },
  options: AutomationOptions = {},
) {
  const { core } = desk;
  const rules: { [L in RuleList]: StoredRules<L> } = {
    triggers: {
      items: parseRules('triggers', options.triggers ?? []),
      version: 0,
    },
    schedules: {
      items: parseRules('schedules', options.schedules ?? []),
      version: 0,
    },
    macros: { items: parseRules('macros', options.macros ?? []), version: 0 },
  };
  for (const list of RULE_LISTS) {
    checkRiskSource(rules[list].items, options.risk !== undefined);
  }
  const deliveries = options.webhook
    ? createDeliveries(core, options.webhook, onErrorOf(options))
    : null;
  const report = (run: RuleRun) => options.onRun?.(run);
  const onError = onErrorOf(options);

  const contextFor = (ruleId: string, event?: AuditEvent) => ({
    core,
    actor: core.system as Actor,
    event,
    replyAs: options.replyAs
      ? { role: 'agent' as const, id: options.replyAs }
      : undefined,
    notify: options.notify,
    webhook: deliveries?.starter(ruleId, event),
    stopOnError: false,
  });

  const triggers = createTriggerRunner({
    triggers: () => rules.triggers.items,
    guard: options.loopGuard ?? {},
    now: () => core.clock.now().getTime(),
    ...(options.risk && { risk: options.risk }),
    async fire(trigger, ticket, event, depth) {
      const ctx: ActionContext = {
        ...contextFor(trigger.id, event),
        marker: { ruleId: trigger.id, kind: 'trigger', depth },
      };
      const outcomes = await runActions(ctx, ticket.id, trigger.actions);
      report({
        ruleId: trigger.id,
        kind: 'trigger',
        ticketId: ticket.id,
        eventId: event.id,
        outcomes,
      });
    },
    skipped(trigger, ticket, reason) {
      report({
        ruleId: trigger.id,
        kind: 'trigger',
        ticketId: ticket.id,
        eventId: null,
        outcomes: [],
        skipped: reason,
      });
    },
    onError,
  });
  const unsubscribe = core.subscribe(triggers.listener);

  /** Reads the stored lists, replacing those that were saved. */
  async function load(): Promise<void> {
    for (const list of RULE_LISTS) {
      const stored = await loadRules(core.store, core.siteId, list);
      if (stored && stored.version !== rules[list].version) {
        (rules as Record<RuleList, StoredRules<RuleList>>)[list] = stored;
      }
    }
  }

  return {
    /** The current rules of a list and the version they were saved at. */
    rules: <L extends RuleList>(list: L): StoredRules<L> => rules[list],
    load,
    /**
     * Validates and saves a list to the store against the version read
     * (`rules(list).version`), and runs on it from now on. Webhook URLs
     * the sender's address guard refuses throw DESTINATION_REFUSED; a
     * rule reading `risk` without a risk source, RISK_SOURCE_MISSING.
     */
    async save<L extends RuleList>(
      list: L,
      items: unknown,
      expectedVersion: number,
    ) {
      const at = core.clock.now().toISOString();
      const parsed = parseRules(list, items);
      checkRiskSource(parsed, options.risk !== undefined);
      // A URL the sender will refuse is refused now, not at 3 a.m.;
      // without a sender's guard, literal private addresses and
      // internal names are refused all the same (webhook-url.ts).
      for (const url of webhookUrls(parsed)) {
        if (options.webhook?.check) await options.webhook.check(url);
        else checkWebhookUrl(url, options.webhookAllow);
      }
      const saved = await saveRules(
        core.store,
        core.siteId,
        list,
        items,
        expectedVersion,
        at,
      );
      (rules as Record<RuleList, StoredRules<RuleList>>)[list] = saved;
      return saved;
    },
    /**
     * Fires every enabled schedule on what meets it at `now`, once per
     * condition; re-reads saved rules first. Call it from the desk's tick.
     */
    async runSchedules(now: Date = core.clock.now()): Promise<ScheduleRun[]> {
      await load();
      const runs: ScheduleRun[] = [];
      for (const s of rules.schedules.items) {
        if (!s.enabled) continue;
        const fired = await runSchedule(
          core,
          (m) => contextFor(m.ruleId),
          s,
          now,
          options.risk,
        );
        for (const run of fired) {
          report({
            ruleId: s.id,
            kind: 'schedule',
            ticketId: run.ticketId,
            eventId: null,
            outcomes: run.outcomes,
          });
        }
        runs.push(...fired);
      }
      return runs;
    },
    /** Applies a macro to a ticket as the agent `actor`. */
    async applyMacro(
      ticketId: string,
      macroId: string,
      actor: Actor,
      expectedVersion?: number,
    ): Promise<MacroResult> {
      const macro = rules.macros.items.find((m) => m.id === macroId);
      const {
        actor: _system,
        stopOnError: _stop,
        ...context
      } = contextFor(macroId);
      const result = await applyMacro(
        core,
        context,
        macro,
        macroId,
        ticketId,
        actor,
        expectedVersion,
      );
      report({
        ruleId: macroId,
        kind: 'macro',
        ticketId,
        eventId: null,
        outcomes: result.outcomes,
      });
      return result;
    },
    /** The latest webhook deliveries, newest first. */
    deliveries: (limit = 50): Promise<DeliveryLogEntry[]> =>
      listDeliveries(core.store, core.siteId, limit),
    /** Resolves when queued triggers and webhook deliveries are done. */
    async idle(): Promise<void> {
      for (;;) {
        await triggers.idle();
        if (!deliveries?.pending()) return;
        await deliveries.idle();
      }
    },
    /** Stops listening to the desk; queued work still finishes. */
    close: () => unsubscribe(),
  };
}

/** Automation made by {@link createAutomation}. */
export type Automation = ReturnType<typeof createAutomation>;
