import { TicketryError } from '../errors.js';

interface WithConditions {
  id?: string;
  conditions?: {
    all?: readonly { field: string }[];
    any?: readonly { field: string }[];
  };
}

/** The ids of the rules with a condition on `risk`. */
export function rulesReadingRisk(items: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const rule of items as WithConditions[]) {
    const c = rule.conditions;
    const all = [...(c?.all ?? []), ...(c?.any ?? [])];
    if (all.some((x) => x.field === 'risk')) ids.push(rule.id ?? '?');
  }
  return ids;
}

/**
 * Refuses rules that read `risk` when the automation has no risk
 * source: the condition would read null and never hold, silently.
 * Throws RISK_SOURCE_MISSING naming the rules.
 */
export function checkRiskSource(
  items: readonly unknown[],
  hasSource: boolean,
): void {
  if (hasSource) return;
  const ruleIds = rulesReadingRisk(items);
  if (ruleIds.length === 0) return;
  throw new TicketryError(
    'RISK_SOURCE_MISSING',
    `rule ${ruleIds.join(', ')} reads risk, but this automation has no risk ` +
      'source: give createAutomation a `risk` option (e.g. from createPredictions)',
    { details: { ruleIds, field: 'risk' } },
  );
}
