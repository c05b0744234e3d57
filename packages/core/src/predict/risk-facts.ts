import {
  foldFacts,
  isOpenStatus,
  startFacts,
  type TicketFacts,
} from '../metrics/ticket-facts.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Features } from './logistic.js';

/** What breach risk keeps of a ticket: the metrics' facts and a few more. */
export interface RiskFacts {
  facts: TicketFacts;
  impact: string | null;
  urgency: string | null;
  /** The ticket's custom fields as last set (an import's outcome lives here). */
  fields: Record<string, unknown>;
}

/** The open tickets per team (and `*` for all), kept as events fold. */
export type Queues = Map<string, number>;

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const teamKey = (f: TicketFacts) => f.teamId ?? '(none)';

function bump(queues: Queues, f: TicketFacts, by: number) {
  if (!isOpenStatus(f.status)) return;
  queues.set('*', (queues.get('*') ?? 0) + by);
  queues.set(teamKey(f), (queues.get(teamKey(f)) ?? 0) + by);
}

/**
 * Folds one event into a ticket's risk facts (creating them on its
 * first event) and keeps the queue lengths current. Answers the facts,
 * or null when the event was out of order.
 */
export function foldRisk(
  tickets: Map<string, RiskFacts>,
  queues: Queues,
  event: AuditEvent,
): RiskFacts | null {
  const known = tickets.get(event.ticketId);
  if (event.version !== (known ? known.facts.version + 1 : 1)) return null;
  const c = event.changes;
  const risk = known ?? {
    facts: startFacts(event),
    impact: null,
    urgency: null,
    fields: {},
  };
  if (known) {
    bump(queues, known.facts, -1);
    foldFacts(known.facts, event);
  } else tickets.set(event.ticketId, risk);
  bump(queues, risk.facts, 1);
  if ('impact' in c) risk.impact = str(c['impact']);
  if ('urgency' in c) risk.urgency = str(c['urgency']);
  const fields = c['fields'];
  if (fields && typeof fields === 'object') {
    risk.fields = fields as Record<string, unknown>;
  }
  return risk;
}

const HOUR = 3_600_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The features of a ticket as known at `at`: its fields, the local hour
 * and weekday it was opened (in `zone` offset terms via `localOf`), its
 * age, reassignments so far, and the queue in front of it.
 */
export function riskFeatures(
  risk: RiskFacts,
  queues: Queues,
  at: number,
  localOf: (at: number) => Date = (t) => new Date(t),
): Features {
  const f = risk.facts;
  const opened = localOf(f.createdAt);
  const reassigned = f.reassignments.filter((t) => t <= at).length;
  return {
    priority: f.priority,
    impact: risk.impact,
    urgency: risk.urgency,
    category: f.category,
    team: f.teamId,
    channel: f.channel,
    hour: String(opened.getUTCHours()),
    weekday: WEEKDAYS[opened.getUTCDay()]!,
    'priority×category': `${f.priority}/${f.category}`,
    ageHours: Math.log1p(Math.max(0, at - f.createdAt) / HOUR),
    reassignments: Math.min(reassigned, 10) / 2,
    teamQueue: Math.log1p(queues.get(teamKey(f)) ?? 0),
    queue: Math.log1p(queues.get('*') ?? 0) / 2,
  };
}

/**
 * The default outcome: 1 when a resolution or first-response target
 * was missed, 0 when the ticket is done with none missed, null (not
 * yet known) otherwise.
 */
export function slaOutcome(risk: RiskFacts): 0 | 1 | null {
  const sla = risk.facts.sla;
  if (!sla) return null;
  if (sla.resolution.met === false || sla.firstResponse.met === false) return 1;
  return isOpenStatus(risk.facts.status) ? null : 0;
}

/**
 * The outcome the ServiceNow replay carries: the log's `made_sla`,
 * kept in the ticket's `madeSla` field (1 when it was missed).
 */
export function madeSlaOutcome(risk: RiskFacts): 0 | 1 | null {
  const made = risk.fields['madeSla'];
  return typeof made === 'boolean' ? (made ? 0 : 1) : null;
}
