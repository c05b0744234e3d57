import type { z } from 'zod';
import { validationError } from '../errors.js';
import type { TicketStore } from '../store/types.js';
import {
  type Macro,
  macroListSchema,
  type Schedule,
  scheduleListSchema,
  type Trigger,
  triggerListSchema,
} from './schema.js';

/** The record kind rule lists are kept under, one record per list. */
export const RULES_KIND = 'automation.rules';

/** The three lists of rules. */
export const RULE_LISTS = ['triggers', 'schedules', 'macros'] as const;
export type RuleList = (typeof RULE_LISTS)[number];

/** The rules of each list. */
export interface RuleTypes {
  triggers: Trigger;
  schedules: Schedule;
  macros: Macro;
}

/** A stored list and its record version (0 when never saved). */
export interface StoredRules<L extends RuleList> {
  items: RuleTypes[L][];
  version: number;
}

const SCHEMAS: { [L in RuleList]: z.ZodType<RuleTypes[L][]> } = {
  triggers: triggerListSchema as z.ZodType<Trigger[]>,
  schedules: scheduleListSchema as z.ZodType<Schedule[]>,
  macros: macroListSchema as z.ZodType<Macro[]>,
};

/** Parses a list of rules or throws VALIDATION_FAILED naming the rule. */
export function parseRules<L extends RuleList>(
  list: L,
  items: unknown,
): RuleTypes[L][] {
  const parsed = SCHEMAS[list].safeParse(items);
  if (!parsed.success) throw validationError(list, parsed.error.issues);
  return parsed.data;
}

/** Reads a stored list of rules; `null` when none was saved. */
export async function loadRules<L extends RuleList>(
  store: TicketStore,
  siteId: string,
  list: L,
): Promise<StoredRules<L> | null> {
  const found = await store.getRecord(siteId, RULES_KIND, list);
  if (!found) return null;
  return { items: parseRules(list, found.value), version: found.version };
}

/**
 * Validates and writes a list of rules against the version read (0
 * for the first save); a stale version throws ConflictError.
 */
export async function saveRules<L extends RuleList>(
  store: TicketStore,
  siteId: string,
  list: L,
  items: unknown,
  expectedVersion: number,
  at: string,
): Promise<StoredRules<L>> {
  const parsed = parseRules(list, items);
  const written = await store.putRecord({
    siteId,
    kind: RULES_KIND,
    key: list,
    value: JSON.parse(JSON.stringify(parsed)),
    expectedVersion,
    at,
  });
  return { items: parsed, version: written.version };
}
