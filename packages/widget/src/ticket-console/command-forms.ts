/**
 * The inputs some lifecycle commands take. Which commands show at all
 * comes from the server (`GET /tickets/:id/commands`, read from the
 * machine's table); this only says how to ask for their fields.
 */

/** One field of a command's form. */
export interface CommandField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select';
  options?: readonly string[];
  required: boolean;
  /** Filled in when the form opens (`me` is the signed-in agent). */
  initial?: 'me' | 'team' | string;
  /** How the value is sent: a comma-separated list or a whole number. */
  parse?: 'list' | 'number';
}

const LEVELS = ['high', 'medium', 'low'];

/** Commands that take fields; the rest are sent as `{ type }`. */
export const COMMAND_FIELDS: Record<string, readonly CommandField[]> = {
  assign: [
    {
      name: 'assigneeId',
      label: 'Assignee',
      kind: 'text',
      required: true,
      initial: 'me',
    },
    {
      name: 'teamId',
      label: 'Team',
      kind: 'text',
      required: false,
      initial: 'team',
    },
  ],
  triage: [
    {
      name: 'impact',
      label: 'Impact',
      kind: 'select',
      options: LEVELS,
      required: true,
    },
    {
      name: 'urgency',
      label: 'Urgency',
      kind: 'select',
      options: LEVELS,
      required: true,
    },
  ],
  pend: [
    { name: 'reason', label: 'Waiting for', kind: 'select', required: true },
    { name: 'note', label: 'Note', kind: 'textarea', required: false },
  ],
  resolve: [
    {
      name: 'code',
      label: 'Resolution code',
      kind: 'text',
      required: true,
      initial: 'solved',
    },
    {
      name: 'note',
      label: 'Resolution note',
      kind: 'textarea',
      required: true,
    },
  ],
  cancel: [
    {
      name: 'reason',
      label: 'Reason',
      kind: 'select',
      options: ['withdrawn', 'spam', 'duplicate'],
      required: true,
    },
    { name: 'note', label: 'Note', kind: 'textarea', required: false },
  ],
  merge: [
    {
      name: 'intoId',
      label: 'Merge into ticket id',
      kind: 'text',
      required: true,
    },
  ],
  reject: [
    { name: 'reason', label: 'Reason', kind: 'textarea', required: false },
  ],
  update: [
    {
      name: 'tags',
      label: 'Tags (comma-separated; replaces the tags)',
      kind: 'text',
      required: false,
      parse: 'list',
    },
    {
      name: 'priority',
      label: 'Priority',
      kind: 'select',
      options: ['', 'critical', 'high', 'moderate', 'low', 'planning'],
      required: false,
    },
    {
      name: 'priorityReason',
      label: 'Why this priority (needed with a priority)',
      kind: 'textarea',
      required: false,
    },
  ],
  rate: [
    {
      name: 'rating',
      label: 'Rating (1 to 5)',
      kind: 'select',
      options: ['5', '4', '3', '2', '1'],
      required: true,
      parse: 'number',
    },
    { name: 'comment', label: 'Comment', kind: 'textarea', required: false },
  ],
};

/** Commands with no field to fill: sent as `{ type }`. */
const BARE = new Set(['start', 'resume', 'accept', 'close', 'unassign']);

/** Commands the console has no composer for but sends elsewhere. */
export const MESSAGE_COMMANDS = new Set(['reply', 'note']);

/** Whether the console can send `type` from its command bar. */
export function hasForm(type: string): boolean {
  return BARE.has(type) || type in COMMAND_FIELDS;
}

/** Builds the command from a form's values, leaving blank optionals out. */
export function commandFrom(
  type: string,
  values: Record<string, string>,
): Record<string, string | number | string[]> {
  const command: Record<string, string | number | string[]> = { type };
  for (const field of COMMAND_FIELDS[type] ?? []) {
    const value = values[field.name]?.trim();
    if (!value) continue;
    if (field.parse === 'number') command[field.name] = Number(value);
    else if (field.parse === 'list') {
      command[field.name] = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    } else command[field.name] = value;
  }
  return command;
}

/** The label of a command's button. */
export function commandLabel(type: string): string {
  const label = type.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
