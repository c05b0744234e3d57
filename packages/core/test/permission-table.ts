import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MACHINE_STATES,
  type MachineState,
  type Outcome,
  PENDING_REASONS,
  type PendingReason,
  type Role,
} from '../src/index.js';

interface Row {
  from: string;
  commands: string[];
  roles: string[];
  to: string;
}

const doc = fileURLToPath(new URL('../docs/permissions.md', import.meta.url));

/** The hand-written table of docs/permissions.md, parsed. */
export function readPermissionTable(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(doc, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (
      cells.length !== 6 ||
      cells[1] === 'from' ||
      cells[1]?.startsWith('---')
    ) {
      continue;
    }
    const [, from, commands, roles, to] = cells as [
      string,
      string,
      string,
      string,
      string,
    ];
    rows.push({
      from,
      commands: commands.split(', '),
      roles: roles.split(', '),
      to,
    });
  }
  return rows;
}

function covers(from: string, state: MachineState): boolean {
  return (
    from === state ||
    (from === 'pending.*' &&
      state.startsWith('pending.') &&
      state !== 'pending.approval')
  );
}

/** What the documented table expects for one input. */
export function expectedOutcome(
  rows: Row[],
  state: MachineState,
  command: string,
  role: Role,
  reason?: PendingReason,
): Outcome {
  // `pend(approval)` names its one reason; plain `pend` never means it.
  const named = reason === 'approval' ? `${command}(${reason})` : command;
  const matching = rows.filter(
    (r) => covers(r.from, state) && r.commands.includes(named),
  );
  const row = matching.find((r) => r.roles.includes(role));
  if (row) {
    const to =
      row.to === 'pending.*'
        ? state
        : row.to === 'pending.<reason>'
          ? `pending.${reason}`
          : row.to;
    return { ok: true, to: to as MachineState };
  }
  return {
    ok: false,
    code: matching.length ? 'FORBIDDEN' : 'TRANSITION_NOT_ALLOWED',
  };
}

/** Every pending reason, or none for commands other than `pend`. */
export const reasonsFor = (command: string): (PendingReason | undefined)[] =>
  command === 'pend' ? [...PENDING_REASONS] : [undefined];

export { MACHINE_STATES };
