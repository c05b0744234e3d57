import { z } from 'zod';
import { validationError } from '../errors.js';
import { idSchema, labelSchema, ticketTypeSchema } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import { queued } from './eligibility.js';
import { leastLoaded } from './least-loaded.js';
import type { Router, RoutingContext, RoutingDecision } from './types.js';

/** One rule: tickets that match every condition given go to `teamId`. */
export const teamRuleSchema = z.object({
  category: labelSchema.optional(),
  /** The ticket carries at least one of these tags. */
  tags: z.array(labelSchema).min(1).optional(),
  type: ticketTypeSchema.optional(),
  teamId: idSchema,
});

export type TeamRule = z.infer<typeof teamRuleSchema>;

const teamRulesOptionsSchema = z.object({
  rules: z.array(teamRuleSchema).max(1000),
  /** Team of tickets no rule matches and that have none. */
  fallbackTeamId: idSchema.optional(),
  /** Whether a rule replaces a team the ticket already has. @default false */
  override: z.boolean().default(false),
});

/** Options of {@link teamRules}. */
export type TeamRulesOptions = z.input<typeof teamRulesOptionsSchema> & {
  /** Picks an agent of the team. @default leastLoaded() */
  pick?: Router;
};

const matches = (rule: TeamRule, t: Ticket) =>
  (rule.category === undefined || rule.category === t.category) &&
  (rule.type === undefined || rule.type === t.type) &&
  (rule.tags === undefined || rule.tags.some((tag) => t.tags.includes(tag)));

/**
 * Chooses the team by the first rule the ticket matches (category,
 * tags, type), keeps a team the ticket already has unless `override`,
 * then lets `pick` choose an agent of that team.
 *
 * @example
 * const router = teamRules({
 *   rules: [{ category: 'network', teamId: 'netops' }],
 *   fallbackTeamId: 'service-desk',
 *   pick: roundRobin(),
 * });
 */
export function teamRules(options: TeamRulesOptions): Router {
  const parsed = teamRulesOptionsSchema.safeParse(options);
  if (!parsed.success) throw validationError('team rules', parsed.error.issues);
  const { rules, fallbackTeamId, override } = parsed.data;
  const pick = options.pick ?? leastLoaded();
  return {
    name: 'team_rules',
    async route(ticket: Ticket, ctx: RoutingContext): Promise<RoutingDecision> {
      const index = rules.findIndex((r) => matches(r, ticket));
      const kept = !override && ticket.teamId;
      const teamId = kept
        ? ticket.teamId
        : (rules[index]?.teamId ?? ticket.teamId ?? fallbackTeamId ?? null);
      const why = kept
        ? `kept the ticket's team ${teamId}`
        : index >= 0
          ? `rule ${index + 1} sends it to team ${teamId}`
          : teamId
            ? `no rule matched; team ${teamId}`
            : 'no rule matched and the ticket has no team';
      if (!teamId) return queued('team_rules', null, why, []);
      const inner = await pick.route(ticket, { ...ctx, teamId });
      return {
        ...inner,
        reason: `${why}; ${inner.reason}`,
        explanation: {
          strategy: 'team_rules',
          teamId,
          agentId: inner.queued ? null : inner.agentId,
          reason: why,
          considered: [],
          steps: [inner.explanation],
        },
      };
    },
  };
}
