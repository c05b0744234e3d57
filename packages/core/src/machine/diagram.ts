import { PENDING_REASONS, ROLES, type Role } from '../public/vocabulary.js';
import { COMMAND_TYPES } from '../schemas/commands.js';
import { MACHINE_STATES } from './lifecycle.js';
import { lookupTransition } from './table.js';

const ROLE_LETTER: Record<Role, string> = {
  requester: 'R',
  agent: 'A',
  supervisor: 'S',
  system: 'Y',
};

const node = (state: string) => state.replace('.', '_');

/**
 * The lifecycle as a Mermaid state diagram, read from the machine: one
 * arrow per (from, to) with the commands and roles that take it. Self
 * loops (notes, updates) are left out to keep it readable.
 */
export function lifecycleDiagram(): string {
  const arrows = new Map<string, string[]>();
  for (const from of MACHINE_STATES) {
    for (const command of COMMAND_TYPES) {
      const byTarget = new Map<string, Set<string>>();
      for (const role of ROLES) {
        const reasons = command === 'pend' ? PENDING_REASONS : [undefined];
        for (const reason of reasons) {
          const outcome = lookupTransition(from, command, role, reason);
          if (!outcome.ok || outcome.to === from) continue;
          const roles = byTarget.get(outcome.to) ?? new Set();
          roles.add(ROLE_LETTER[role]);
          byTarget.set(outcome.to, roles);
        }
      }
      for (const [to, roles] of byTarget) {
        const key = `${node(from)} --> ${node(to)}`;
        const labels = arrows.get(key) ?? [];
        labels.push(`${command} [${[...roles].join('')}]`);
        arrows.set(key, labels);
      }
    }
  }
  const lines = ['stateDiagram-v2', '  [*] --> draft'];
  for (const [arrow, labels] of arrows) {
    lines.push(`  ${arrow}: ${labels.join(', ')}`);
  }
  lines.push('  closed --> [*]', '  cancelled --> [*]', '  merged --> [*]');
  return lines.join('\n');
}

/** The Markdown page that holds the diagram, as committed in docs/. */
export function lifecycleDiagramPage(): string {
  return [
    '# The ticket lifecycle',
    '',
    'Generated from the machine by `npm run diagram`; a test fails when',
    'this page no longer matches the machine. Letters name the roles that',
    'may take an arrow: R requester, A agent, S supervisor, Y system.',
    'Commands that keep the status (notes, updates, replies, ratings) are',
    'left out; `docs/permissions.md` lists every one.',
    '',
    '```mermaid',
    lifecycleDiagram(),
    '```',
    '',
  ].join('\n');
}
