import { retryOnConflict } from '../desk/retry.js';
import { TicketryError, validationError } from '../errors.js';
import { createId } from '../ids.js';
import { requesterInputSchema } from '../public/submission.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Requester } from '../schemas/people.js';
import { MAX_WATCHERS, type Ticket } from '../schemas/ticket.js';
import type { PeopleDesk } from './people-desk.js';
import { checkStaff } from './people-desk.js';
import { checkOpenForWatchers, checkWatcherAddress } from './watcher-guard.js';

/** Options of {@link createWatchers}. */
export interface WatcherOptions {
  /**
   * The desk's own addresses (its mail intake's `address` and
   * `aliases`): refused as watchers, as are mail systems' addresses
   * (mailer-daemon, postmaster, no-reply…), with WATCHER_REFUSED (422).
   */
  ownAddresses?: readonly string[];
}

/** Who to add as a watcher: an address and, optionally, a name. */
export interface WatcherInput {
  email: string;
  name?: string;
}

/** A watcher as listed: the requester record behind it. */
export interface Watcher {
  requesterId: string;
  /** The erased marker when the requester's data was erased. */
  email: string;
  name: string | null;
}

/** What an add or remove did; `changed` false when nothing was to do. */
export interface WatcherChange {
  ticket: Ticket;
  changed: boolean;
  requesterId: string;
}

/** How a watcher to remove is named. */
export type WatcherRef = { email: string } | { requesterId: string };

/** The watcher methods made by {@link createWatchers}. */
export interface WatcherMethods {
  /**
   * Adds a watcher (a mail CC, a colleague) who then receives the
   * ticket's public updates. Adding someone already watching, or the
   * requester, changes nothing and records nothing. Staff, the system
   * and the ticket's requester may add.
   */
  addWatcher(
    ticketId: string,
    input: WatcherInput,
    actor: Actor,
  ): Promise<WatcherChange>;
  /**
   * Removes a watcher. Staff and the system may remove anyone; the
   * ticket's requester may remove its watchers (any other address:
   * FORBIDDEN); a watcher (as a requester actor) may remove themself
   * (NOT_FOUND when they do not watch the ticket).
   */
  removeWatcher(
    ticketId: string,
    who: WatcherRef,
    actor: Actor,
  ): Promise<WatcherChange>;
  /** The ticket's watchers, in the order they were added. */
  listWatchers(ticketId: string): Promise<Watcher[]>;
}

async function requesterFor(
  desk: PeopleDesk,
  input: WatcherInput,
  at: string,
  own: ReadonlySet<string>,
): Promise<Requester> {
  const { store, siteId } = desk.core;
  const parsed = requesterInputSchema.safeParse(input);
  if (!parsed.success) throw validationError('watcher', parsed.error.issues);
  checkWatcherAddress(parsed.data.email, own);
  const found = await store.findRequesterByEmail(siteId, parsed.data.email);
  if (found) return found;
  const requester: Requester = {
    id: createId(),
    siteId,
    email: parsed.data.email,
    name: parsed.data.name ?? null,
    createdAt: at,
  };
  await store.putRequester(requester);
  return requester;
}

async function checkMayAdd(desk: PeopleDesk, t: Ticket, actor: Actor) {
  if (actor.role === 'requester' && actor.id === t.requesterId) return;
  await checkStaff(desk, actor, 'add watchers');
}

async function idOf(desk: PeopleDesk, who: WatcherRef): Promise<string> {
  if ('requesterId' in who) return who.requesterId;
  const { store, siteId } = desk.core;
  const found = await store.findRequesterByEmail(siteId, who.email);
  return found?.id ?? '';
}

async function checkMayRemove(
  desk: PeopleDesk,
  t: Ticket,
  actor: Actor,
  requesterId: string,
) {
  if (actor.role === 'requester') {
    const watching = (t.watchers ?? []).includes(requesterId);
    if (actor.id === requesterId) {
      if (watching) return;
      throw new TicketryError('NOT_FOUND', 'you do not watch this ticket');
    }
    // The ticket's requester removes its watchers; any other address is
    // refused alike, known or not, so no one learns who has an account.
    if (actor.id === t.requesterId && watching) return;
    throw new TicketryError(
      'FORBIDDEN',
      actor.id === t.requesterId
        ? 'that address does not watch this ticket'
        : 'a requester may remove only themself as a watcher',
    );
  }
  await checkStaff(desk, actor, 'remove watchers');
}

/**
 * Watchers and CCs of tickets: requester records named on the ticket's
 * `watchers` (ids only, so erasing a person rewrites no history), each
 * change one audited `ticket.watcher_added` / `ticket.watcher_removed`.
 * Merged, cancelled and closed tickets take no new watchers
 * (TRANSITION_NOT_ALLOWED); the desk's own and mail systems' addresses
 * are refused (WATCHER_REFUSED).
 *
 * @example
 * const watchers = createWatchers(desk);
 * await watchers.addWatcher(ticket.id, { email: 'lin@example.com' }, agent);
 */
export function createWatchers(
  desk: PeopleDesk,
  options: WatcherOptions = {},
): WatcherMethods {
  const { core } = desk;
  const own = new Set(
    (options.ownAddresses ?? []).map((a) => a.trim().toLowerCase()),
  );

  async function addWatcher(
    ticketId: string,
    input: WatcherInput,
    actor: Actor,
  ): Promise<WatcherChange> {
    const first = await core.load(ticketId);
    await checkMayAdd(desk, first, actor);
    checkOpenForWatchers(first);
    const at = core.clock.now().toISOString();
    const person = await requesterFor(desk, input, at, own);
    const data = { requesterId: person.id };
    let seen = first;
    // Mail intake, triage and routing write the same new ticket: a lost
    // race is retried on the ticket as it is then.
    const done = await retryOnConflict(core, ticketId, async (t) => {
      seen = t;
      checkOpenForWatchers(t);
      const current = t.watchers ?? [];
      if (person.id === t.requesterId || current.includes(person.id)) {
        return null;
      }
      if (current.length >= MAX_WATCHERS) {
        throw new TicketryError(
          'VALIDATION_FAILED',
          `a ticket has at most ${MAX_WATCHERS} watchers`,
          { details: { path: ['watchers'] } },
        );
      }
      const watchers = [...current, person.id];
      const type = EXTRA_EVENT_TYPES.watch;
      return core.record(t, type, { watchers }, data, at, actor);
    });
    if (!done) return { ticket: seen, changed: false, requesterId: person.id };
    return { ticket: done.ticket, changed: true, requesterId: person.id };
  }

  async function removeWatcher(
    ticketId: string,
    who: WatcherRef,
    actor: Actor,
  ): Promise<WatcherChange> {
    const first = await core.load(ticketId);
    const requesterId = await idOf(desk, who);
    await checkMayRemove(desk, first, actor, requesterId);
    const at = core.clock.now().toISOString();
    const data = { requesterId };
    let seen = first;
    const done = await retryOnConflict(core, ticketId, (t) => {
      seen = t;
      const current = t.watchers ?? [];
      if (!current.includes(requesterId)) return null;
      const watchers = current.filter((id) => id !== requesterId);
      const type = EXTRA_EVENT_TYPES.unwatch;
      return core.record(t, type, { watchers }, data, at, actor);
    });
    if (!done) return { ticket: seen, changed: false, requesterId };
    return { ticket: done.ticket, changed: true, requesterId };
  }

  async function listWatchers(ticketId: string): Promise<Watcher[]> {
    const t = await core.load(ticketId);
    const people = await Promise.all(
      (t.watchers ?? []).map((id) => core.store.getRequester(core.siteId, id)),
    );
    return people
      .filter((p): p is Requester => p !== null)
      .map((p) => ({ requesterId: p.id, email: p.email, name: p.name }));
  }

  return { addWatcher, removeWatcher, listWatchers };
}
