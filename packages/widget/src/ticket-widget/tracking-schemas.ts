import type { PublicTicket } from '@ticketry/core/public';

/**
 * Types of the tracking answers; their checks live in check/answers.ts
 * (without zod, so the widget bundle carries none).
 */
export {
  CLOSED_REPLY_POLICIES,
  type ClosedReplyPolicy,
} from './check/answers.js';

/** `GET /me/tickets`: whom the identity names and their tickets. */
export type MyTickets = {
  identity: { userId: string; email: string; name: string | null };
  items: PublicTicket[];
  nextCursor: string | null;
};

/** The commands the widget sends for a requester, as the API takes them. */
export type RequesterCommandInput =
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'rate'; rating: number; comment?: string };
