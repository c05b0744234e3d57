import { TicketryError, validationError } from '../errors.js';
import { createId } from '../ids.js';
import { requesterInputSchema } from '../public/submission.js';
import type { Actor } from '../schemas/common.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Requester } from '../schemas/people.js';
import { MAX_WATCHERS, type Ticket } from '../schemas/ticket.js';
import type { PeopleDesk } from './people-desk.js';
import { checkStaff } from './people-desk.js';

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
   * Removes a watcher. Staff, the system and the ticket's requester may
   * remove anyone; a watcher (as a requester actor) may remove
   * themself by their own email.
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
): Promise<Requester> {
  const { store, siteId } = desk.core;
  const parsed = requesterInputSchema.safeParse(input);
  if (!parsed.success) throw validationError('watcher', parsed.error.issues);
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
    if (actor.id === t.requesterId || actor.id === requesterId) return;
    throw new TicketryError(
      'FORBIDDEN',
      'a requester may remove only themself as a watcher',
    );
  }
  await checkStaff(desk, actor, 'remove watchers');
}

/**
 * Watchers and CCs of tickets: requester records named on the ticket's
 * `watchers` (ids only, so erasing a person rewrites no history), each
 * change one audited `ticket.watcher_added` / `ticket.watcher_removed`.
 *
 * @example
 * const watchers = createWatchers(desk);
 * await watchers.addWatcher(ticket.id, { email: 'lin@example.com' }, agent);
 */
export function createWatchers(desk: PeopleDesk): WatcherMethods {
  const { core } = desk;

  async function addWatcher(
    ticketId: string,
    input: WatcherInput,
    actor: Actor,
  ): Promise<WatcherChange> {
    const t = await core.load(ticketId);
    await checkMayAdd(desk, t, actor);
    const at = core.clock.now().toISOString();
    const person = await requesterFor(desk, input, at);
    const current = t.watchers ?? [];
    if (person.id === t.requesterId || current.includes(person.id)) {
      return { ticket: t, changed: false, requesterId: person.id };
    }
    if (current.length >= MAX_WATCHERS) {
      throw new TicketryError(
        'VALIDATION_FAILED',
        `a ticket has at most ${MAX_WATCHERS} watchers`,
        { details: { path: ['watchers'] } },
      );
    }
    const watchers = [...current, person.id];
    const data = { requesterId: person.id };
    const done = await core.record(
      t,
      EXTRA_EVENT_TYPES.watch,
      { watchers },
      data,
      at,
      actor,
    );
    return { ticket: done.ticket, changed: true, requesterId: person.id };
  }

  async function removeWatcher(
    ticketId: string,
    who: WatcherRef,
    actor: Actor,
  ): Promise<WatcherChange> {
    const t = await core.load(ticketId);
    const requesterId = await idOf(desk, who);
    await checkMayRemove(desk, t, actor, requesterId);
    const current = t.watchers ?? [];
    if (!current.includes(requesterId)) {
      return { ticket: t, changed: false, requesterId };
    }
    const watchers = current.filter((id) => id !== requesterId);
    const at = core.clock.now().toISOString();
    const data = { requesterId };
    const type = EXTRA_EVENT_TYPES.unwatch;
    const done = await core.record(t, type, { watchers }, data, at, actor);
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
