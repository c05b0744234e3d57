import type { DeskCore } from '../desk/desk-types.js';
import { ConflictError, TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import { EXTRA_EVENT_TYPES } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';

/** The record kind that keeps which messages were split, and into what. */
export const SPLIT_KIND = 'relations.split';

/** What a split record holds: the ticket made, null while being made. */
interface SplitMark {
  into: string | null;
}

const keyOf = (ticketId: string, messageId: string) =>
  `${ticketId}/${messageId}`;

async function alreadySplit(
  core: DeskCore,
  source: Ticket,
  messageId: string,
  into: string | null,
): Promise<TicketryError> {
  const made = into ? await core.store.getTicket(core.siteId, into) : null;
  const what = made ? `into ${made.ref}` : 'right now';
  return new TicketryError(
    'ALREADY_SPLIT',
    `this message of ${source.ref} was split ${what}`,
    {
      details: {
        messageId,
        ...(made && { ticketId: made.id, ref: made.ref }),
      },
    },
  );
}

/** The ticket an earlier split (before split records) made of a message. */
function splitInEvents(events: AuditEvent[], source: Ticket, id: string) {
  const found = events.find((e) => {
    const data = e.data as { messageId?: unknown; holder?: unknown } | null;
    return (
      e.type === EXTRA_EVENT_TYPES.split &&
      data?.messageId === id &&
      data.holder === source.id
    );
  });
  const into = (found?.data as { into?: unknown } | undefined)?.into;
  return typeof into === 'string' ? into : null;
}

/**
 * Claims a message for a split, so the same message never becomes two
 * tickets: refuses with ALREADY_SPLIT (409, naming the ticket made)
 * when it was split before or is being split now. Answers `done(id)`
 * to record the ticket made and `release()` to give the claim up.
 */
export async function claimSplit(
  core: DeskCore,
  source: Ticket,
  messageId: string,
  events: AuditEvent[],
) {
  const earlier = splitInEvents(events, source, messageId);
  if (earlier) throw await alreadySplit(core, source, messageId, earlier);
  const key = keyOf(source.id, messageId);
  const at = () => core.clock.now().toISOString();
  const write = (value: SplitMark, expectedVersion: number) =>
    core.store.putRecord({
      siteId: core.siteId,
      kind: SPLIT_KIND,
      key,
      value,
      expectedVersion,
      at: at(),
    });
  try {
    await write({ into: null }, 0);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const found = await core.store.getRecord(core.siteId, SPLIT_KIND, key);
    const into = (found?.value as SplitMark | undefined)?.into ?? null;
    throw await alreadySplit(core, source, messageId, into);
  }
  return {
    done: async (into: string) => {
      await write({ into }, 1);
    },
    release: () => core.store.deleteRecord(core.siteId, SPLIT_KIND, key, 1),
  };
}
