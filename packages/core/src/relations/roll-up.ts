import type { CommandCheck, DeskCore } from '../desk/desk-types.js';
import { retryOnConflict } from '../desk/retry.js';
import { TicketryError } from '../errors.js';
import type { AuditEvent } from '../schemas/event.js';
import type { Ticket } from '../schemas/ticket.js';
import { FINISHED, linkedIds } from './kinds.js';

/**
 * How a parent follows its children. `block`: a parent cannot resolve
 * or close while a child is open, unless a supervisor sends the
 * command with `force: true`. `auto`: the system resolves a parent
 * when its last open child finishes. `none`: neither.
 */
export type RollUpPolicy = 'none' | 'block' | 'auto';

/** The resolution code of a parent resolved by the `auto` policy. */
export const ROLL_UP_CODE = 'children_resolved';

async function children(core: DeskCore, parent: Ticket): Promise<Ticket[]> {
  const ids = linkedIds(parent, 'parent_of');
  const found = await Promise.all(
    ids.map((id) => core.store.getTicket(core.siteId, id)),
  );
  return found.filter((t) => t !== null);
}

/**
 * The `block` policy's check: resolve and close of a parent with open
 * children are refused with CHILDREN_OPEN. A supervisor's `force`
 * passes (the event records it); the system's own closes (auto-close
 * of a resolved parent) are not stopped.
 */
export function blockOpenChildren(core: DeskCore): CommandCheck {
  return async (t, c, actor) => {
    if (c.type !== 'resolve' && c.type !== 'close') return;
    if (actor.role === 'system' || c.force) return;
    const open = (await children(core, t)).filter(
      (child) => !FINISHED.has(child.status),
    );
    if (open.length === 0) return;
    throw new TicketryError(
      'CHILDREN_OPEN',
      `${t.ref} has open children: ${open.map((o) => o.ref).join(', ')}; a supervisor may force`,
      { details: { children: open.map((o) => ({ id: o.id, ref: o.ref })) } },
    );
  };
}

const FINISHING = new Set([
  'ticket.resolved',
  'ticket.closed',
  'ticket.cancelled',
  'ticket.merged',
]);

/** Whether an event may be a parent's last child finishing. */
export const finishesChild = (event: AuditEvent, t: Ticket): boolean =>
  FINISHING.has(event.type) && linkedIds(t, 'child_of').length > 0;

/**
 * The `auto` policy's step after a child finished: resolves its
 * parent as the system when every child is finished and one was
 * resolved, with the children's refs in the resolution note. A parent
 * already finished, or in a status that cannot resolve, is left alone.
 */
export async function resolveParent(
  core: DeskCore,
  child: Ticket,
): Promise<Ticket | null> {
  for (const parentId of linkedIds(child, 'child_of')) {
    const resolved = await retryOnConflict(core, parentId, async (parent) => {
      if (FINISHED.has(parent.status)) return null;
      const all = await children(core, parent);
      if (all.some((c) => !FINISHED.has(c.status))) return null;
      if (!all.some((c) => c.status === 'resolved' || c.status === 'closed')) {
        return null;
      }
      const refs = all.map((c) => c.ref).join(', ');
      try {
        const { ticket } = await core.execute(
          parent.id,
          {
            type: 'resolve',
            code: ROLL_UP_CODE,
            note: `Resolved with its last child; children: ${refs}.`,
          },
          { actor: core.system, expectedVersion: parent.version },
        );
        return ticket;
      } catch (error) {
        const refused =
          error instanceof TicketryError &&
          error.code === 'TRANSITION_NOT_ALLOWED';
        if (refused) return null;
        throw error;
      }
    });
    if (resolved) return resolved;
  }
  return null;
}
