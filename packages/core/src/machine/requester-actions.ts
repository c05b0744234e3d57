import { PENDING_REASONS, type Role } from '../public/vocabulary.js';
import { type AnyCommandType, COMMAND_TYPES } from '../schemas/commands.js';
import { MACHINE_STATES, type MachineState } from './lifecycle.js';
import { lookupTransition } from './table.js';

/** A ticket's state as the requester table keys it: no `draft`. */
export type TicketState = Exclude<MachineState, 'draft'>;

const REQUESTER: Role = 'requester';

/**
 * What the lifecycle machine lets a requester send in each state of a
 * submitted ticket, in command order. `submit` is left out: it only
 * leaves `draft`, before there is a ticket.
 */
export function requesterActionsTable(): Record<TicketState, AnyCommandType[]> {
  const table = {} as Record<TicketState, AnyCommandType[]>;
  for (const state of MACHINE_STATES) {
    if (state === 'draft') continue;
    table[state] = COMMAND_TYPES.filter((type) =>
      type === 'pend'
        ? PENDING_REASONS.some(
            (reason) => lookupTransition(state, type, REQUESTER, reason).ok,
          )
        : lookupTransition(state, type, REQUESTER).ok,
    );
  }
  return table;
}

const quoted = (items: readonly string[]) =>
  items.map((item) => `'${item}'`).join(', ');

/**
 * The source of `src/public/requester-actions.ts`: the table above as
 * a browser-safe module, so the widget reads the machine's answer
 * without loading xstate. `packages/core/scripts/requester-actions.ts`
 * writes it; a test fails when the file and the machine differ.
 */
export function requesterActionsSource(): string {
  const table = requesterActionsTable();
  const used = COMMAND_TYPES.filter((type) =>
    Object.values(table).some((commands) => commands.includes(type)),
  );
  const rows = Object.entries(table).map(([state, commands]) => {
    const key = state.includes('.') ? `'${state}'` : state;
    return `  ${key}: [${quoted(commands)}],`;
  });
  return `${[
    '// Generated from the lifecycle machine by',
    '// `npx tsx packages/core/scripts/requester-actions.ts`; do not edit.',
    '// src/machine/requester-actions.test.ts fails when the two differ.',
    "import type { PendingReason, Status } from './vocabulary.js';",
    '',
    '/** A command a requester may send on their own ticket. */',
    'export type RequesterCommand =',
    ...used.map(
      (type, i) => `  | '${type}'${i === used.length - 1 ? ';' : ''}`,
    ),
    '',
    '/** A status, with the reason of a pending one: `pending.vendor`. */',
    'export type RequesterState =',
    "  | Exclude<Status, 'pending'>",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source
    '  | `pending.${PendingReason}`;',
    '',
    '/**',
    ' * The commands the lifecycle machine lets a requester send in each',
    ' * state, in lifecycle order. The desk also checks what the table',
    ' * cannot see: the reopen window of a resolved ticket and the',
    " * desk's closed-reply policy (see docs/permissions.md).",
    ' */',
    'export const REQUESTER_ACTIONS: Readonly<',
    '  Record<RequesterState, readonly RequesterCommand[]>',
    '> = {',
    ...rows,
    '};',
    '',
    '/**',
    ' * The commands a requester may send on a ticket in `status`; a',
    ' * pending ticket without a reason counts as waiting for the requester.',
    ' *',
    ' * @example',
    " * requesterActions('resolved', null); // ['reply', 'accept', 'reject', 'rate']",
    ' */',
    'export function requesterActions(',
    '  status: Status,',
    '  pendingReason: PendingReason | null,',
    '): readonly RequesterCommand[] {',
    '  const state: RequesterState =',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source
    "    status === 'pending' ? `pending.${pendingReason ?? 'requester'}` : status;",
    '  return REQUESTER_ACTIONS[state];',
    '}',
  ].join('\n')}\n`;
}
