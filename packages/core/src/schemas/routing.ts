import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { weeklyHoursSchema } from '../sla/calendar-schema.js';
import { canonicalZone } from '../sla/zone.js';
import { idSchema, instantSchema, labelSchema } from './common.js';

/** Whether an agent takes new work right now. */
export const AGENT_PRESENCE = ['available', 'away', 'offline'] as const;

export type AgentPresence = (typeof AGENT_PRESENCE)[number];

const zoneSchema = z.string().refine((name) => canonicalZone(name) !== null, {
  message: 'an unknown time zone; use an IANA name such as Europe/Berlin',
});

/**
 * What routers read about an agent; every field is optional and an
 * absent one never excludes anybody (no capacity limit, available,
 * always working, no skills).
 */
export const agentRoutingSchema = z
  .strictObject({
    /** Labels matched against a ticket's category, tags and fields. */
    skills: z.array(labelSchema).max(LIMITS.tags).optional(),
    /** Open tickets (assigned, in progress, pending) at most. */
    capacity: z.number().int().min(0).max(10_000).optional(),
    status: z.enum(AGENT_PRESENCE).optional(),
    /** IANA zone of `workingHours`. @default 'UTC' */
    timeZone: zoneSchema.optional(),
    /** Weekly hours in the agent's zone, as SLA calendars write them. */
    workingHours: weeklyHoursSchema.optional(),
    /** Away from `from` (default: now) until `until`. */
    outOfOffice: z
      .strictObject({ from: instantSchema.optional(), until: instantSchema })
      .optional(),
  })
  .refine((r) => !r.workingHours || Object.values(r.workingHours).length, {
    message: 'working hours need at least one day',
    path: ['workingHours'],
  });

/** An agent's routing attributes, as stored on the agent. */
export type AgentRouting = z.infer<typeof agentRoutingSchema>;

/** One agent a router looked at, and why it was passed over. */
export const routingCandidateSchema = z.object({
  agentId: idSchema,
  /** Absent when the agent stayed in the running. */
  excluded: z.string().max(200).optional(),
  /** The strategy's measure: weighted load, skills matched… */
  score: z.number().optional(),
});

/** How one strategy decided, with the steps of the ones it wraps. */
export interface RoutingExplanation {
  strategy: string;
  teamId: string | null;
  agentId: string | null;
  reason: string;
  considered: { agentId: string; excluded?: string; score?: number }[];
  steps?: RoutingExplanation[];
}

/** How deep explanations nest (chain → team rules → skills → …). */
export const MAX_EXPLANATION_DEPTH = 8;

/**
 * The schema of one explanation level; built to a fixed depth rather
 * than recursively so the OpenAPI document needs no `$defs`.
 */
function explanationAt(depth: number): z.ZodType<RoutingExplanation> {
  return z.object({
    strategy: z.string().min(1).max(64),
    teamId: idSchema.nullable(),
    agentId: idSchema.nullable(),
    reason: z.string().max(LIMITS.body),
    considered: z.array(routingCandidateSchema).max(1000),
    ...(depth > 1 && {
      steps: z
        .array(explanationAt(depth - 1))
        .max(20)
        .optional(),
    }),
  }) as z.ZodType<RoutingExplanation>;
}

/** The explanation a routed assignment carries in its audit event. */
export const routingExplanationSchema = explanationAt(MAX_EXPLANATION_DEPTH);

/**
 * Cuts an explanation to what the schema takes: steps nested too deep,
 * more than 1,000 candidates (a huge team) or 20 steps, a long reason.
 */
export function trimExplanation(
  e: RoutingExplanation,
  depth = MAX_EXPLANATION_DEPTH,
): RoutingExplanation {
  const { steps, ...rest } = e;
  const cut = {
    ...rest,
    reason: rest.reason.slice(0, LIMITS.body),
    considered: rest.considered.slice(0, 1000),
  };
  if (!steps || depth <= 1) return cut;
  const inner = steps.slice(0, 20).map((s) => trimExplanation(s, depth - 1));
  return { ...cut, steps: inner };
}
