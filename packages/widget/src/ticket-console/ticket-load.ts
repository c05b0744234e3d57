/**
 * Loading a ticket for the detail view: the ticket, its events, the
 * commands allowed now and its SLA on every load; who filed it and the
 * classifier's guess once per ticket (a reload keeps them).
 */
import type { ClassGuess, ConsoleApi } from './console-api.js';
import type { OpenTicket } from './console-state.js';
import type { SlaExplanation } from './console-types.js';

/**
 * Who filed the ticket, as `GET /requesters/:id` tells agents:
 * `erased` once their personal data was erased (the server keeps an
 * `@erased.invalid` address and no name), `missing` when the server
 * knows no such requester, `failed` when it could not be asked.
 */
export type RequesterInfo =
  | { state: 'known'; name: string | null; email: string }
  | { state: 'erased' }
  | { state: 'missing' }
  | { state: 'failed' };

/** The address domain an erased requester keeps (core's `erasedEmail`). */
const ERASED = /@erased\.invalid$/i;

async function requesterOf(
  api: ConsoleApi,
  id: string | null | undefined,
): Promise<RequesterInfo> {
  if (!id) return { state: 'missing' };
  try {
    const found = await api.requester(id);
    if (!found) return { state: 'missing' };
    if (ERASED.test(found.email)) return { state: 'erased' };
    return { state: 'known', name: found.name, email: found.email };
  } catch {
    return { state: 'failed' };
  }
}

/** The classifier's guess, or null without one (or when it failed). */
const guessOf = (api: ConsoleApi, id: string): Promise<ClassGuess | null> =>
  api.guess(id).catch(() => null);

/**
 * Everything the detail view shows of ticket `id`, without viewers;
 * `previous` (the ticket on screen) lends its requester and guess when
 * it is the same ticket.
 */
export async function loadTicket(
  api: ConsoleApi,
  id: string,
  previous: OpenTicket | null,
): Promise<Omit<OpenTicket, 'viewers'>> {
  const same = previous?.ticket.id === id ? previous : null;
  const [ticket, events, commands, sla, guess] = await Promise.all([
    api.ticket(id),
    api.events(id),
    api.commands(id),
    api.sla(id),
    same ? same.guess : guessOf(api, id),
  ]);
  const requester =
    same?.requester ?? (await requesterOf(api, ticket.requesterId));
  return {
    ticket,
    events,
    commands,
    sla: sla as SlaExplanation | null,
    requester,
    guess,
  };
}
