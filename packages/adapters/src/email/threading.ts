import type { Desk, Ticket } from '@ticketry/core';
import { threadOf } from './mail-records.js';
import type { ParsedMail } from './parse.js';

/** A ticket a message answers, and how it was found. */
export interface ThreadMatch {
  ticket: Ticket;
  by: 'header' | 'subject';
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first `[T-1001]`-style reference in a subject, or null. */
export function refInSubject(
  subject: string,
  refPrefix: string,
): string | null {
  const pattern = new RegExp(`\\[(${escapeRegExp(refPrefix)}\\d{1,12})\\]`);
  return pattern.exec(subject)?.[1] ?? null;
}

/** Follows merges to the ticket that took a merged one's thread. */
async function live(desk: Desk, ticket: Ticket | null): Promise<Ticket | null> {
  let current = ticket;
  for (let hop = 0; current?.mergedInto && hop < 5; hop++) {
    current = (await desk.get(current.mergedInto)) ?? current;
    if (!current.mergedInto) break;
  }
  return current;
}

/**
 * The ticket a message belongs to: first by its `In-Reply-To` and
 * `References` (Message-IDs the desk sent or received), then by a
 * ticket reference in the subject. Merged tickets lead to the ticket
 * they were merged into.
 */
export async function findThread(
  desk: Desk,
  mail: ParsedMail,
  refPrefix: string,
): Promise<ThreadMatch | null> {
  for (const id of mail.threadIds) {
    const entry = await threadOf(desk.store, desk.siteId, id);
    const ticket = entry && (await live(desk, await desk.get(entry.ticketId)));
    if (ticket) return { ticket, by: 'header' };
  }
  const ref = refInSubject(mail.subject, refPrefix);
  const ticket = ref && (await live(desk, await desk.getByRef(ref)));
  return ticket ? { ticket, by: 'subject' } : null;
}
