/**
 * Turns what the rules and the model decided about a new ticket into
 * commands by the system actor, and into the suggestion kept for it.
 */
import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError } from '../errors.js';
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

/** Triage, then tags and priority, as the system; false on a race. */
async function execute(
  core: DeskCore,
  d: Decision,
  category: string | undefined,
  data: Record<string, unknown>,
): Promise<boolean> {
  const a = d.outcome.actions;
  let t = await core.load(d.ticket.id);
  if (t.status !== 'new') return false;
  const ctx = (v: number) => ({ actor: core.system, expectedVersion: v, data });
  try {
    if (category || a.ticketType || a.teamId || a.impact || a.urgency) {
      const triage = {
        type: 'triage' as const,
        impact: a.impact ?? t.impact ?? d.defaultLevel,
        urgency: a.urgency ?? t.urgency ?? d.defaultLevel,
        ...(category && { category }),
        ...(a.ticketType && { ticketType: a.ticketType }),
        ...(a.teamId && { teamId: a.teamId }),
      };
      t = (await core.execute(t.id, triage, ctx(t.version))).ticket;
    }
    const tags = a.tags?.filter((x) => !t.tags.includes(x)) ?? [];
    if (tags.length > 0 || a.priority) {
      const update = {
        type: 'update' as const,
        ...(tags.length > 0 && { tags: [...t.tags, ...tags] }),
        ...(a.priority && {
          priority: a.priority,
          priorityReason: String(data.reason).slice(0, 2000),
        }),
      };
      await core.execute(t.id, update, ctx(t.version));
    }
    return true;
  } catch (error) {
    // Someone changed the ticket meanwhile: theirs wins, ours is a suggestion.
    if (error instanceof ConflictError) return false;
    throw error;
  }
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
