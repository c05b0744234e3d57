/**
 * Turns what the rules and the model decided about a new ticket into
 * commands by the system actor, and into the suggestion kept for it.
 */
import type { DeskCore } from '../desk/desk-types.js';
import { retryOnConflict } from '../desk/retry.js';
import type { Level } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { Suggestion } from './model-store.js';
import type { RulesOutcome } from './rules.js';
import type { Classification } from './text-classifier.js';

/** Everything known about a new ticket before anything is applied. */
export interface Decision {
  ticket: Ticket;
  outcome: RulesOutcome;
  classification: Classification;
  threshold: number;
  defaultLevel: Level;
}

const pct = (p: number) => p.toFixed(2);

/** The sentence kept on the events and the suggestion. */
function reasonOf(d: Decision, modelApplied: boolean): string {
  const parts = d.outcome.matched.map(
    (m) => `rule ${m.ruleId} (${m.because.join('; ')})`,
  );
  const c = d.classification;
  if (c.label) {
    const verdict = modelApplied
      ? 'applied'
      : d.outcome.actions.category
        ? 'rules decided'
        : 'below the threshold, suggested only';
    parts.push(
      `classifier: ${c.label} at ${pct(c.confidence)}, threshold ${pct(d.threshold)}, ${verdict}`,
    );
  }
  return parts.join('; ') || 'no rule matched and no model';
}

/** Statuses in which the system may still triage a ticket. */
const OPEN = new Set(['new', 'open', 'assigned', 'in_progress', 'pending']);

/**
 * Runs `fn` on the ticket as it is now, again (with backoff) when
 * another writer (a router, mail intake, a watcher) got in first; null
 * when `fn` declines. A race lost every time throws, for `onError`.
 */
function onLatest<T>(
  core: DeskCore,
  ticketId: string,
  fn: (t: Ticket) => Promise<T> | null,
): Promise<T | null> {
  return retryOnConflict(core, ticketId, fn);
}

/**
 * Triage (unless a person already categorised the ticket), then tags
 * and priority, as the system; false when nothing could be applied.
 */
async function execute(
  core: DeskCore,
  d: Decision,
  category: string | undefined,
  data: Record<string, unknown>,
): Promise<boolean> {
  const a = d.outcome.actions;
  const ctx = (t: Ticket) => ({
    actor: core.system,
    expectedVersion: t.version,
    data,
  });
  const wantsTriage = Boolean(
    category || a.ticketType || a.teamId || a.impact || a.urgency,
  );
  const triaged = !wantsTriage
    ? null
    : await onLatest(core, d.ticket.id, (t) => {
        if (!OPEN.has(t.status) || t.category !== null) return null;
        const triage = {
          type: 'triage' as const,
          impact: a.impact ?? t.impact ?? d.defaultLevel,
          urgency: a.urgency ?? t.urgency ?? d.defaultLevel,
          ...(category && { category }),
          ...(a.ticketType && { ticketType: a.ticketType }),
          ...(a.teamId && { teamId: a.teamId }),
        };
        return core.execute(t.id, triage, ctx(t));
      });
  if (wantsTriage && !triaged) return false;
  if (!a.tags?.length && !a.priority) return true;
  const updated = await onLatest(core, d.ticket.id, (t) => {
    const tags = a.tags?.filter((x) => !t.tags.includes(x)) ?? [];
    if (!OPEN.has(t.status) || (tags.length === 0 && !a.priority)) return null;
    const update = {
      type: 'update' as const,
      ...(tags.length > 0 && { tags: [...t.tags, ...tags] }),
      ...(a.priority && {
        priority: a.priority,
        priorityReason: String(data.reason).slice(0, 2000),
      }),
    };
    return core.execute(t.id, update, ctx(t));
  });
  return wantsTriage || updated !== null;
}

/**
 * Applies the rules' fields and, at or above the threshold, the
 * model's category; returns the suggestion to keep either way.
 */
export async function applyDecision(
  core: DeskCore,
  d: Decision,
): Promise<Suggestion> {
  const c = d.classification;
  const a = d.outcome.actions;
  const modelApplies =
    !a.category && c.label !== null && c.confidence >= d.threshold;
  const category =
    a.category ?? (modelApplies ? (c.label ?? undefined) : undefined);
  const reason = reasonOf(d, modelApplies);
  const labels = c.labels.slice(0, 3);
  const data = {
    reason,
    classification: {
      rules: d.outcome.matched,
      label: c.label,
      confidence: c.confidence,
      threshold: d.threshold,
    },
  };
  const hasWork = Object.keys(a).length > 0 || modelApplies;
  const applied = hasWork && (await execute(core, d, category, data));
  return {
    ticketId: d.ticket.id,
    category: c.label,
    confidence: c.confidence,
    labels,
    rules: d.outcome.matched,
    threshold: d.threshold,
    applied: applied && (modelApplies || Boolean(a.category)),
    reason,
    at: core.clock.now().toISOString(),
  };
}
