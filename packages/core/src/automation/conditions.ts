import type { z } from 'zod';
import { hasPhrase } from '../classify/rules.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import type { conditionSchema, conditionsSchema } from './schema.js';

type Condition = z.infer<typeof conditionSchema>;
type Conditions = z.infer<typeof conditionsSchema>;

/** What conditions are tested against; schedules have no event. */
export interface ConditionSubject {
  ticket: Ticket;
  event?: AuditEvent;
  /**
   * The breach risk of a ticket (0 … 1) that the `risk` field reads,
   * e.g. from `createPredictions`; without it `risk` reads as null.
   */
  risk?: (ticketId: string) => number | null;
}

/** Reads a dotted path through own properties only. */
function walk(root: unknown, path: string[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    if (!Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The subject, description and the event's message, for `text`. */
function textOf({ ticket, event }: ConditionSubject): string {
  const body = event?.data?.body;
  return [
    ticket.subject,
    ticket.description,
    typeof body === 'string' ? body : '',
  ].join('\n');
}

function read(subject: ConditionSubject, field: string): unknown {
  if (field === 'text') return textOf(subject);
  if (field === 'risk') return subject.risk?.(subject.ticket.id) ?? null;
  const [root, ...path] = field.split('.');
  return walk(root === 'ticket' ? subject.ticket : subject.event, path);
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function contains(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(actual)) {
    return actual.some((item) => lower(item) === lower(wanted));
  }
  if (typeof actual !== 'string' || typeof wanted !== 'string') return false;
  return actual.toLowerCase().includes(wanted.toLowerCase());
}

function isIn(actual: unknown, list: unknown): boolean {
  const values = Array.isArray(list) ? list : [list];
  const items = Array.isArray(actual) ? actual : [actual ?? null];
  return items.some((item) => values.includes(item));
}

function compare(actual: unknown, wanted: unknown): number | null {
  if (typeof actual === 'number' && typeof wanted === 'number') {
    return actual - wanted;
  }
  if (typeof actual === 'string' && typeof wanted === 'string') {
    return actual < wanted ? -1 : actual > wanted ? 1 : 0;
  }
  return null;
}

function ordered(op: string, actual: unknown, wanted: unknown): boolean {
  const c = compare(actual, wanted);
  if (c === null) return false;
  if (op === 'gt') return c > 0;
  if (op === 'gte') return c >= 0;
  return op === 'lt' ? c < 0 : c <= 0;
}

/** Whether one condition holds for a ticket and event. */
export function holds(c: Condition, subject: ConditionSubject): boolean {
  if (c.op === 'changed') {
    const changes = subject.event?.changes ?? {};
    return Object.hasOwn(changes, c.field.slice('ticket.'.length));
  }
  const actual = read(subject, c.field);
  switch (c.op) {
    case 'eq':
      return (actual ?? null) === c.value;
    case 'ne':
      return (actual ?? null) !== c.value;
    case 'in':
      return isIn(actual, c.value);
    case 'not_in':
      return !isIn(actual, c.value);
    case 'contains':
      return contains(actual, c.value);
    case 'not_contains':
      return !contains(actual, c.value);
    case 'mentions':
      return (
        typeof actual === 'string' &&
        typeof c.value === 'string' &&
        hasPhrase(actual, c.value)
      );
    case 'starts_with':
      return (
        typeof actual === 'string' &&
        typeof c.value === 'string' &&
        actual.toLowerCase().startsWith(c.value.toLowerCase())
      );
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'not_exists':
      return actual === undefined || actual === null;
    default:
      return ordered(c.op, actual, c.value);
  }
}

/** Whether every `all` condition and, if any are given, one `any` hold. */
export function matches(
  conditions: Conditions,
  subject: ConditionSubject,
): boolean {
  if (!conditions.all.every((c) => holds(c, subject))) return false;
  return (
    conditions.any.length === 0 || conditions.any.some((c) => holds(c, subject))
  );
}
