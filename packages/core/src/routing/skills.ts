import type { Ticket } from '../schemas/ticket.js';
import { leastLoaded } from './least-loaded.js';
import { narrowThen } from './narrow.js';
import type { Router, RoutingContext, RoutingDecision } from './types.js';

/** Options of {@link skillsMatch}. */
export interface SkillsMatchOptions {
  /**
   * Custom fields whose values are skills too, written `field:value`
   * (a `product` field of `vpn` needs the skill `product:vpn`).
   * @default []
   */
  fields?: readonly string[];
  /**
   * `'all'`: only agents with every skill the ticket needs; `'best'`:
   * the agents who match the most of them, at least one.
   * @default 'best'
   */
  mode?: 'all' | 'best';
  /** Picks among the agents kept. @default leastLoaded() */
  pick?: Router;
}

/** The skills a ticket needs: its category, tags and named fields. */
export function skillsNeeded(
  t: Ticket,
  fields: readonly string[] = [],
): string[] {
  const needs = [t.category, ...t.tags];
  for (const name of fields) {
    const value = t.fields[name];
    if (typeof value === 'string' || typeof value === 'number') {
      needs.push(`${name}:${value}`);
    }
  }
  const clean = needs
    .filter((n): n is string => !!n)
    .map((n) => n.toLowerCase());
  return [...new Set(clean)];
}

/**
 * Agents whose skills cover what the ticket needs (category, tags and
 * chosen fields, compared without case), then `pick` among them.
 *
 * @example
 * const router = skillsMatch({ fields: ['product'], mode: 'all' });
 */
export function skillsMatch(options: SkillsMatchOptions = {}): Router {
  const mode = options.mode ?? 'best';
  const pick = options.pick ?? leastLoaded();
  return {
    name: 'skills',
    route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const needs = skillsNeeded(ticket, options.fields);
      return narrowThen('skills', ticket, ctx, pick, (pool) => {
        if (needs.length === 0) {
          return {
            verdicts: pool.map(() => ({})),
            reason: 'the ticket needs no skills',
            none: '',
          };
        }
        const matched = pool.map((c) => {
          const has = new Set(
            (c.agent.routing?.skills ?? []).map((s) => s.toLowerCase()),
          );
          return needs.filter((n) => has.has(n)).length;
        });
        const bar = mode === 'all' ? needs.length : Math.max(1, ...matched);
        const verdicts = matched.map((score) =>
          score >= bar
            ? { score }
            : {
                score,
                excluded: `has ${score} of the ${needs.length} skills needed`,
              },
        );
        const wanted = needs.join(', ');
        return {
          verdicts,
          reason: `kept agents with ${bar} of the skills ${wanted}`,
          none: `no eligible agent has ${mode === 'all' ? 'all' : 'any'} of the skills ${wanted}`,
        };
      });
    },
  };
}
