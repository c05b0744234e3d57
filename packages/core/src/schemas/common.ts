import { z } from 'zod';
import { LIMITS } from '../public/limits.js';
import { ID_PATTERN, withoutControlCharacters } from '../public/text.js';
import { ROLES } from '../public/vocabulary.js';

/** An ISO-8601 instant in UTC, always with `Z`. */
export const instantSchema = z.iso.datetime();

/** A site (tenant) id; every record carries one. */
export const siteIdSchema = z.string().min(1).max(LIMITS.label);

/** An opaque id made by {@link createId}, or imported. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'an id is 1 to 128 letters, digits or . _ : @ -');

/** A short label: category, code, tag. */
export const labelSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.label)
  .refine(withoutControlCharacters, 'must not contain control characters');

/** Free text of a message or note, trimmed, without control characters. */
export const bodySchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.body)
  .refine(withoutControlCharacters, 'must not contain control characters');

/** Who acts: a role and, for people, their record's id. */
export const actorSchema = z.object({
  role: z.enum(ROLES),
  id: idSchema.nullable(),
});

export type Actor = z.infer<typeof actorSchema>;

/** Impact and urgency levels, the two axes of the priority matrix. */
export const LEVELS = ['high', 'medium', 'low'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

/** Priorities, from the most to the least pressing. */
export const PRIORITIES = [
  'critical',
  'high',
  'moderate',
  'low',
  'planning',
] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

/** What kind of work a ticket is. */
export const TICKET_TYPES = [
  'incident',
  'service_request',
  'question',
  'problem',
  'change',
] as const;
export const ticketTypeSchema = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof ticketTypeSchema>;
