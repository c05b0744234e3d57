import type { CommandContext, DeskCore } from '../desk/desk-types.js';
import type { Actor } from '../schemas/common.js';
import type { Ticket } from '../schemas/ticket.js';
import type { StoredRecord } from '../store/records.js';
import {
  type DuplicateOptions,
  type DuplicateSuggestion,
  findDuplicates,
} from './duplicates.js';
import type { LinkInput } from './kinds.js';
import { addLink, removeLink } from './links.js';
import { mergeTickets, receiveMerge } from './merge.js';
import {
  blockOpenChildren,
  finishesChild,
  type RollUpPolicy,
  resolveParent,
} from './roll-up.js';
import { type SplitOptions, splitTicket } from './split.js';

/** Options of {@link createRelations}. */
export interface RelationsOptions {
  /** How parents follow their children. @default 'none' */
  rollUp?: RollUpPolicy;
  /** Duplicate detection at intake, or false for none. @default on, 0.5, 7 days */
  duplicates?: DuplicateOptions | false;
  /** Called with the suggestions found for a new ticket. */
  onDuplicates?(ticket: Ticket, suggestions: DuplicateSuggestion[]): void;
  /** Errors of background work (merge copy, roll-up, detection). @default ignored */
  onError?(error: unknown): void;
}

/** The record kind under which intake keeps its duplicate offers. */
export const DUPLICATES_KIND = 'relations.duplicates';

/** What intake stored for a ticket: its suggestions when it arrived. */
export interface DuplicateOffer {
  suggestions: DuplicateSuggestion[];
  at: string;
}

/**
 * Ticket relations on a desk: links (both sides, audited on both),
 * merge with the thread copied onto the target, split of a message
 * into a new ticket, parent/child roll-up, and duplicate suggestions
 * at intake. Merges sent as plain `merge` commands are completed too.
 *
 * @example
 * const relations = createRelations(desk, { rollUp: 'block' });
 * await relations.link(child.id, { type: 'child_of', ticketId: parent.id }, agent);
 */
export function createRelations(
  desk: { core: DeskCore },
  options: RelationsOptions = {},
) {
  const { core } = desk;
  const rollUp = options.rollUp ?? 'none';
  const detect =
    options.duplicates === false ? null : (options.duplicates ?? {});
  const pending = new Set<Promise<unknown>>();

  const track = (work: Promise<unknown>) => {
    const done: Promise<unknown> = work
      .catch((error) => options.onError?.(error))
      .finally(() => pending.delete(done));
    pending.add(done);
  };

  async function offer(t: Ticket, options_: DuplicateOptions) {
    const suggestions = await findDuplicates(core, t, options_);
    if (suggestions.length === 0) return;
    const at = core.clock.now().toISOString();
    const value: DuplicateOffer = { suggestions, at };
    await core.store.putRecord({
      siteId: core.siteId,
      kind: DUPLICATES_KIND,
      key: t.id,
      value: { ...value },
      expectedVersion: 0,
      at,
    });
    options.onDuplicates?.(t, suggestions);
  }

  const removeCheck =
    rollUp === 'block' ? core.addCheck(blockOpenChildren(core)) : null;
  const unsubscribe = core.subscribe((event, ticket) => {
    if (event.type === 'ticket.merged') {
      track(receiveMerge(core, ticket.id, event.actor));
    }
    if (rollUp === 'auto' && finishesChild(event, ticket)) {
      track(resolveParent(core, ticket));
    }
    if (detect && event.type === 'ticket.submitted' && !ticket.links.length) {
      track(offer(ticket, detect));
    }
  });

  return {
    rollUp,
    /** Links two tickets both ways; agents and supervisors only. */
    link: (ticketId: string, link: LinkInput, actor: Actor) =>
      addLink(core, ticketId, link, actor),
    /** Removes a link from both tickets. */
    unlink: (ticketId: string, link: LinkInput, actor: Actor) =>
      removeLink(core, ticketId, link, actor),
    /** Merges a ticket into another and copies its thread there. */
    merge: (ticketId: string, intoId: string, ctx: CommandContext) =>
      mergeTickets(core, ticketId, intoId, ctx),
    /** Copies a merged ticket's thread onto its target, if not done yet. */
    receiveMerge: (ticketId: string, actor: Actor = core.system) =>
      receiveMerge(core, ticketId, actor),
    /** Makes a new ticket from one public message of a ticket. */
    split: (
      ticketId: string,
      messageId: string,
      opts: SplitOptions,
      actor: Actor,
    ) => splitTicket(core, ticketId, messageId, opts, actor),
    /** Possible duplicates of a ticket, computed now. */
    duplicates: async (ticketId: string) =>
      findDuplicates(core, await core.load(ticketId), detect ?? {}),
    /** What intake offered for a ticket when it arrived, or null. */
    async offered(ticketId: string): Promise<DuplicateOffer | null> {
      const found: StoredRecord | null = await core.store.getRecord(
        core.siteId,
        DUPLICATES_KIND,
        ticketId,
      );
      return (found?.value as DuplicateOffer | undefined) ?? null;
    },
    /** Resolves when background work (merge copies, roll-ups, detection) is done. */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    /** Stops listening to the desk and removes the roll-up check. */
    close(): void {
      unsubscribe();
      removeCheck?.();
    },
  };
}

/** Relations made by {@link createRelations}. */
export type Relations = ReturnType<typeof createRelations>;
