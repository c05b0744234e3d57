import { z } from 'zod';
import { withoutControlCharacters } from '../public/text.js';
import { idSchema, instantSchema } from '../schemas/common.js';

/**
 * Free mail providers: a domain shared by strangers, never an
 * organization's. Naming one would let every user of the provider
 * read each other's tickets.
 */
export const SHARED_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.ru',
  'yandex.ru',
  'qq.com',
  '163.com',
];

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A mail domain, lower-cased; exact match only (no subdomains). */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(DOMAIN, 'a domain is like example.com')
  .refine((d) => !SHARED_MAIL_DOMAINS.includes(d), {
    message: 'a free mail domain cannot belong to an organization',
  });

const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine(withoutControlCharacters, 'must not contain control characters');

/** An organization as stored in its `org` record. */
export const organizationSchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** Requesters whose address ends in `@<domain>` belong. */
  domains: z.array(domainSchema).max(20),
  /** Members may read each other's tickets (never write them). */
  shareTickets: z.boolean(),
  createdAt: instantSchema,
});

export type Organization = z.infer<typeof organizationSchema>;

/** Input of `createOrganization`; the id is made when absent. */
export const organizationInputSchema = z.object({
  id: idSchema.optional(),
  name: nameSchema,
  domains: z.array(domainSchema).max(20).default([]),
  /** @default false */
  shareTickets: z.boolean().default(false),
});

export type OrganizationInput = z.input<typeof organizationInputSchema>;

/** A change to an organization: any of its fields but the id. */
export const organizationPatchSchema = organizationInputSchema
  .omit({ id: true })
  .partial();

export type OrganizationPatch = z.input<typeof organizationPatchSchema>;

/** The domain of an address, lower-cased; '' without one. */
export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).toLowerCase();
}

/** Record kinds: the organization, and its members both ways. */
export const ORG_KINDS = {
  org: 'org',
  /** Key `<requesterId>/<orgId>`: the organizations of a requester. */
  member: 'org.member',
  /** Key `<orgId>/<requesterId>`: the requesters of an organization. */
  roster: 'org.roster',
} as const;

/** How a requester came to belong. */
export type MembershipVia = 'explicit' | 'domain';
