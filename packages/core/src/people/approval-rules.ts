import { z } from 'zod';
import { TicketryError, validationError } from '../errors.js';
import {
  type Actor,
  bodySchema,
  idSchema,
  ticketTypeSchema,
} from '../schemas/common.js';
import type { Agent } from '../schemas/people.js';
import type { Ticket } from '../schemas/ticket.js';
import { checkStaff, type PeopleDesk } from './people-desk.js';

/**
 * A ticket type that needs approval before work starts, and who may
 * give it: named agents, or the supervisors of the ticket's team (any
 * active supervisor when the ticket has no team).
 */
export const approvalRuleSchema = z.object({
  ticketType: ticketTypeSchema,
  approvers: z.union([
    z.array(idSchema).min(1).max(50),
    z.literal('team_supervisor'),
  ]),
});

export type ApprovalRule = z.infer<typeof approvalRuleSchema>;

/** The rules of {@link createApprovals}; one per ticket type. */
export const approvalRulesSchema = z
  .array(approvalRuleSchema)
  .max(20)
  .refine(
    (rules) => new Set(rules.map((r) => r.ticketType)).size === rules.length,
    'one approval rule per ticket type',
  );

/** An approver's decision: why, required when refusing. */
export const decisionSchema = z.object({
  reason: bodySchema.optional(),
});

export type ApprovalDecision = z.input<typeof decisionSchema>;

/** Parses the rules or throws VALIDATION_FAILED. */
export function parseApprovalRules(rules: unknown): ApprovalRule[] {
  const parsed = approvalRulesSchema.safeParse(rules);
  if (!parsed.success) {
    throw validationError('approval rules', parsed.error.issues);
  }
  return parsed.data;
}

/** Parses a decision; a refusal must say why. */
export function parseApprovalDecision(
  input: ApprovalDecision,
  refusing: boolean,
): { reason?: string } {
  const parsed = decisionSchema.safeParse(input ?? {});
  if (!parsed.success) throw validationError('decision', parsed.error.issues);
  if (refusing && !parsed.data.reason) {
    throw new TicketryError('VALIDATION_FAILED', 'a refusal needs a reason', {
      details: { path: ['reason'] },
    });
  }
  return parsed.data;
}

/** Whether an agent may decide on a ticket under a rule. */
export function isApprover(
  rule: ApprovalRule,
  ticket: Ticket,
  agent: Agent,
): boolean {
  if (!agent.active) return false;
  if (rule.approvers !== 'team_supervisor') {
    return rule.approvers.includes(agent.id);
  }
  if (agent.role !== 'supervisor') return false;
  return ticket.teamId === null || agent.teamIds.includes(ticket.teamId);
}

/**
 * Refuses anyone who is not an approver of the ticket with FORBIDDEN;
 * answers the approver's agent record.
 */
export async function checkApprover(
  desk: PeopleDesk,
  rule: ApprovalRule,
  ticket: Ticket,
  actor: Actor,
): Promise<Agent> {
  const agent = await checkStaff(desk, actor, 'decide on approvals');
  if (!agent || !isApprover(rule, ticket, agent)) {
    throw new TicketryError(
      'FORBIDDEN',
      `${actor.id ?? actor.role} is not an approver of ${ticket.ref}`,
      { details: { ticketId: ticket.id, ticketType: ticket.type } },
    );
  }
  return agent;
}
