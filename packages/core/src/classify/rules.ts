import { z } from 'zod';
import { validationError } from '../errors.js';
import {
  idSchema,
  labelSchema,
  levelSchema,
  prioritySchema,
  ticketTypeSchema,
} from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';

/**
 * Where a condition looks: a ticket field, `text` (subject and
 * description), `requester.domain` (after the @ of the email) or a
 * custom field as `fields.<name>`.
 */
const fieldSchema = z.union([
  z.enum([
    'channel',
    'subject',
    'description',
    'text',
    'requester.domain',
    'tags',
    'type',
    'category',
  ]),
  z.string().regex(/^fields\.[^\s]{1,64}$/, 'a custom field is fields.<name>'),
]);

const words = z.array(z.string().trim().min(1).max(100)).min(1).max(100);

/**
 * One test on one field: `equals` a value, is `in` a list, `contains`
 * any of the words or phrases (whole words, any case), or `matches` a
 * regular expression (any case).
 */
export const classifyConditionSchema = z.union([
  z.object({
    field: fieldSchema,
    equals: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.object({ field: fieldSchema, in: z.array(z.string()).min(1).max(100) }),
  z.object({ field: fieldSchema, contains: words }),
  z.object({
    field: fieldSchema,
    matches: z
      .string()
      .min(1)
      .max(200)
      .refine(compiles, 'must be a valid regular expression'),
  }),
]);

/** What a matching rule sets; tags are added to the ticket's. */
export const classifyActionsSchema = z.object({
  category: labelSchema.optional(),
  ticketType: ticketTypeSchema.optional(),
  tags: z.array(labelSchema).max(20).optional(),
  teamId: idSchema.optional(),
  impact: levelSchema.optional(),
  urgency: levelSchema.optional(),
  /** An explicit priority instead of the matrix's. */
  priority: prioritySchema.optional(),
});

/**
 * A rule: every `all` condition and at least one `any` condition (when
 * given) must hold. Rules run in order; the first rule to set a field
 * wins it, tags add up, and `stop` ends the list.
 */
export const classifyRuleSchema = z
  .object({
    id: z.string().min(1).max(64),
    description: z.string().max(500).optional(),
    all: z.array(classifyConditionSchema).max(50).optional(),
    any: z.array(classifyConditionSchema).max(50).optional(),
    set: classifyActionsSchema,
    stop: z.boolean().optional(),
  })
  .refine((r) => (r.all?.length ?? 0) + (r.any?.length ?? 0) > 0, {
    message: 'a rule needs at least one condition',
    path: ['all'],
  });

export const classifyRulesSchema = z.array(classifyRuleSchema).max(500);

export type ClassifyCondition = z.infer<typeof classifyConditionSchema>;
export type ClassifyActions = z.infer<typeof classifyActionsSchema>;
export type ClassifyRule = z.infer<typeof classifyRuleSchema>;
export type ClassifyRuleInput = z.input<typeof classifyRuleSchema>;

/** A rule that matched, and the conditions that made it match. */
export interface RuleMatch {
  ruleId: string;
  because: string[];
}

/** What the rules decided for a ticket and why. */
export interface RulesOutcome {
  actions: ClassifyActions;
  matched: RuleMatch[];
}

/** What a rule sees beside the ticket. */
export interface RuleContext {
  /** The requester's email, for `requester.domain`. */
  requesterEmail?: string | null;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

/** Parses a rule list or throws VALIDATION_FAILED naming the rule. */
export function parseClassifyRules(input: unknown): ClassifyRule[] {
  const parsed = classifyRulesSchema.safeParse(input);
  if (!parsed.success) throw validationError('rules', parsed.error.issues);
  return parsed.data;
}

function fieldValue(t: Ticket, field: string, ctx: RuleContext): unknown {
  if (field === 'text') return `${t.subject}\n${t.description}`;
  if (field === 'requester.domain') {
    return ctx.requesterEmail?.split('@').pop()?.toLowerCase() ?? null;
  }
  if (field.startsWith('fields.')) return t.fields[field.slice(7)] ?? null;
  return t[field as keyof Ticket] ?? null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` holds `phrase` as whole words, any case. */
export function hasPhrase(text: string, phrase: string): boolean {
  const pattern = phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`,
    'iu',
  ).test(text);
}

const asTexts = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String)
    : v === null || v === undefined
      ? []
      : [String(v)];

/** The explanation of a condition when it holds, else null. */
function check(
  c: ClassifyCondition,
  t: Ticket,
  ctx: RuleContext,
): string | null {
  const texts = asTexts(fieldValue(t, c.field, ctx));
  if ('equals' in c) {
    const hit = texts.some(
      (v) => v.toLowerCase() === String(c.equals).toLowerCase(),
    );
    return hit ? `${c.field} is ${c.equals}` : null;
  }
  if ('in' in c) {
    const hit = texts.find((v) =>
      c.in.some((x) => x.toLowerCase() === v.toLowerCase()),
    );
    return hit ? `${c.field} ${hit} is listed` : null;
  }
  if ('contains' in c) {
    const hit = c.contains.find((w) => texts.some((v) => hasPhrase(v, w)));
    return hit ? `${c.field} contains "${hit}"` : null;
  }
  const re = new RegExp(c.matches, 'iu');
  return texts.some((v) => re.test(v))
    ? `${c.field} matches /${c.matches}/`
    : null;
}

/** The reasons a rule matches, or null when it does not. */
function matchRule(
  rule: ClassifyRule,
  t: Ticket,
  ctx: RuleContext,
): string[] | null {
  const because: string[] = [];
  for (const c of rule.all ?? []) {
    const why = check(c, t, ctx);
    if (!why) return null;
    because.push(why);
  }
  if (rule.any?.length) {
    const why = rule.any.map((c) => check(c, t, ctx)).find(Boolean);
    if (!why) return null;
    because.push(why);
  }
  return because;
}

/**
 * Runs rules over a ticket: which matched, why, and the fields they
 * set together (the first rule to set a field wins it).
 *
 * @example
 * const rules = parseClassifyRules([{
 *   id: 'vpn', any: [{ field: 'text', contains: ['vpn'] }],
 *   set: { category: 'Access', urgency: 'high' },
 * }]);
 * applyRules(rules, ticket).matched; // [{ ruleId: 'vpn', because: [...] }]
 */
export function applyRules(
  rules: readonly ClassifyRule[],
  ticket: Ticket,
  ctx: RuleContext = {},
): RulesOutcome {
  const actions: ClassifyActions = {};
  const matched: RuleMatch[] = [];
  for (const rule of rules) {
    const because = matchRule(rule, ticket, ctx);
    if (!because) continue;
    matched.push({ ruleId: rule.id, because });
    const { tags, ...rest } = rule.set;
    for (const [k, v] of Object.entries(rest)) {
      const key = k as keyof typeof rest;
      if (actions[key] === undefined) Object.assign(actions, { [key]: v });
    }
    if (tags) actions.tags = [...new Set([...(actions.tags ?? []), ...tags])];
    if (rule.stop) break;
  }
  return { actions, matched };
}
