import { LIMITS } from '../public/limits.js';
import { hasControlCharacters } from '../public/text.js';
import type { Ticket } from '../schemas/ticket.js';

/** The ticket fields a template may name as `{{ticket.<field>}}`. */
export const TEMPLATE_FIELDS = [
  'id',
  'ref',
  'subject',
  'status',
  'pendingReason',
  'priority',
  'category',
  'type',
  'teamId',
  'assigneeId',
  'channel',
  'createdAt',
  'updatedAt',
  'resolvedAt',
] as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const CUSTOM = /^ticket\.fields\.[A-Za-z0-9_-]{1,64}$/;
const KNOWN = new Set<string>(TEMPLATE_FIELDS.map((f) => `ticket.${f}`));

/** Why a template cannot be filled, or null when every placeholder is known. */
export function templateProblem(text: string): string | null {
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(name!) && !CUSTOM.test(name!)) {
      return `unknown placeholder {{${name}}}; use ticket.<field> or ticket.fields.<name>`;
    }
  }
  return null;
}

function placeholderValue(ticket: Ticket, name: string): string {
  const path = name.split('.').slice(1);
  const value =
    path[0] === 'fields'
      ? ticket.fields[path[1]!]
      : ticket[path[0] as keyof Ticket];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? '' : String(value);
}

/** Drops control characters a value could carry into a message. */
const clean = (text: string) =>
  hasControlCharacters(text)
    ? [...text].filter((c) => !hasControlCharacters(c)).join('')
    : text;

/**
 * Fills `{{ticket.ref}}`-style placeholders from a ticket. The result
 * is plain text (never HTML); unknown names stay as they were, cut to
 * the message limit. A template of empty values fills to ''.
 *
 * @example
 * fillTemplate('We got {{ticket.ref}}', ticket); // 'We got T-1001'
 */
export function fillTemplate(text: string, ticket: Ticket): string {
  const filled = text.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) || CUSTOM.test(name)
      ? clean(placeholderValue(ticket, name))
      : whole,
  );
  return filled.trim().slice(0, LIMITS.body);
}
