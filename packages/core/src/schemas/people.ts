import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { EMAIL_PATTERN, withoutControlCharacters } from '../public/text.js';
import { idSchema, instantSchema, siteIdSchema } from './common.js';
import { agentRoutingSchema } from './routing.js';

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
  /**
   * When `desk.eraseRequester` replaced the email and name; absent
   * while the requester's data is held (docs/audit.md).
   */
  erasedAt: instantSchema.optional(),
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
  /** Skills, capacity, presence and hours for routers (routing/). */
  routing: agentRoutingSchema.optional(),
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
  email: z
    .email({ pattern: EMAIL_PATTERN })
    .max(LIMITS.email)
    .nullable()
    .optional(),
  teamIds: z.array(idSchema).default([]),
  active: z.boolean().default(true),
});

export type AgentInput = z.input<typeof agentInputSchema>;

/** Input to create a team. */
export const teamInputSchema = teamSchema
  .omit({ siteId: true })
  .extend({ id: idSchema.optional() });

export type TeamInput = z.input<typeof teamInputSchema>;

/**
 * What a stored secret may carry besides its owner, hash and creation
 * time. Stores keep these as given, like every other key: absent stays
 * absent. See docs/security.md, "Access".
 */
export interface SecretState {
  /** When the secret stops being accepted; absent: never (API keys). */
  expiresAt?: string;
  /**
   * The owner's revocation generation it was issued in (absent: 0). On
   * a revocation record: the owner's current generation; secrets of an
   * older one are refused.
   */
  generation?: number;
  /** When it was revoked; on a revocation record, the last revocation. */
  revokedAt?: string;
}

/** What an agent {@link Credential} is. Absent: an API key. */
export type CredentialKind = 'api_key' | 'session' | 'password' | 'revocation';

/**
 * A hashed secret that proves who calls: an agent's API key, console
 * session or password, or the record of the agent's revocations.
 */
export interface Credential extends SecretState {
  siteId: string;
  agentId: string;
  /** SHA-256 of the secret; for passwords and revocations, of a fixed key. */
  hash: string;
  createdAt: string;
  /** @default 'api_key' */
  kind?: CredentialKind;
  /** Sessions: the last use, for the idle timeout. */
  lastUsedAt?: string;
  /** Passwords: the scrypt verifier, `$scrypt$ln=…,r=…,p=…$<salt>$<key>`. */
  verifier?: string;
}

/**
 * A hashed per-ticket secret that lets a requester read the ticket, or
 * (with `revokedAt` and a fixed key as `hash`) the ticket's revocation
 * record.
 */
export interface AccessToken extends SecretState {
  siteId: string;
  ticketId: string;
  hash: string;
  createdAt: string;
}
