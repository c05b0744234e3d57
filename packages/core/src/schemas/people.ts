import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { withoutControlCharacters } from '../public/text.js';
import { idSchema, instantSchema, siteIdSchema } from './common.js';

/**
 * A requester's personal data, kept apart from tickets and events so
 * that it can be erased without rewriting history.
 */
export const requesterSchema = z.object({
  id: idSchema,
  siteId: siteIdSchema,
  email: z.string().max(LIMITS.email),
  name: z.string().max(LIMITS.name).nullable(),
  createdAt: instantSchema,
});

export type Requester = z.infer<typeof requesterSchema>;

/** Roles an agent record may hold. */
export const AGENT_ROLES = ['agent', 'supervisor'] as const;

/** A person who works tickets. */
export const agentSchema = z.object({
  id: idSchema,
  siteId: siteIdSchema,
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.name)
    .refine(withoutControlCharacters, 'must not contain control characters'),
  email: z.string().max(LIMITS.email).nullable(),
  role: z.enum(AGENT_ROLES),
  teamIds: z.array(idSchema),
  active: z.boolean(),
});

export type Agent = z.infer<typeof agentSchema>;

/** A queue of tickets and the agents who work it. */
export const teamSchema = z.object({
  id: idSchema,
  siteId: siteIdSchema,
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.name)
    .refine(withoutControlCharacters, 'must not contain control characters'),
});

export type Team = z.infer<typeof teamSchema>;

/** Input to create an agent; ids are made when absent. */
export const agentInputSchema = agentSchema.omit({ siteId: true }).extend({
  id: idSchema.optional(),
  email: z.email().max(LIMITS.email).nullable().optional(),
  teamIds: z.array(idSchema).default([]),
  active: z.boolean().default(true),
});

export type AgentInput = z.input<typeof agentInputSchema>;

/** Input to create a team. */
export const teamInputSchema = teamSchema
  .omit({ siteId: true })
  .extend({ id: idSchema.optional() });

export type TeamInput = z.input<typeof teamInputSchema>;

/** A hashed secret that proves who calls: an agent's API key. */
export interface Credential {
  siteId: string;
  agentId: string;
  hash: string;
  createdAt: string;
}

/** A hashed per-ticket secret that lets a requester read the ticket. */
export interface AccessToken {
  siteId: string;
  ticketId: string;
  hash: string;
  createdAt: string;
}
