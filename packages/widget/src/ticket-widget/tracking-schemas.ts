import { publicTicketSchema } from '@ticketry/core/public';
import * as z from 'zod/mini';

/** `GET /me/tickets`: whom the identity names and their tickets. */
export const myTicketsSchema = z.object({
  identity: z.object({
    userId: z.string(),
    email: z.string(),
    name: z.nullable(z.string()),
  }),
  items: z.array(publicTicketSchema),
  nextCursor: z.nullable(z.string()),
});

export type MyTickets = z.infer<typeof myTicketsSchema>;

/** What a requester's reply to a closed ticket does on this desk. */
export const CLOSED_REPLY_POLICIES = [
  'reopen',
  'reject',
  'new_ticket',
] as const;

export type ClosedReplyPolicy = (typeof CLOSED_REPLY_POLICIES)[number];

/** `GET /policy`. */
export const policySchema = z.object({
  closedReplyPolicy: z.enum(CLOSED_REPLY_POLICIES),
});

/** The commands the widget sends for a requester, as the API takes them. */
export type RequesterCommandInput =
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'rate'; rating: number; comment?: string };
